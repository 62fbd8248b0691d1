/** Shared pieces: the application shell, the embedded database and common exceptions. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package app.catchball.base;

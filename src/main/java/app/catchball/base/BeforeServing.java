package app.catchball.base;

/**
 * Start-up work that must be finished before the application answers its first request, such as
 * the initial Admin or the demo trust. It runs once every bean is ready and before the web server
 * opens its port ({@link BeforeServingRunner}), in {@code @Order}; if it fails, the application
 * does not start.
 */
public interface BeforeServing {

    void prepare();
}

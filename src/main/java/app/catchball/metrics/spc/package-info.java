/** XmR statistical process control (Making Data Count): part of the metrics feature's API. */
@org.springframework.modulith.NamedInterface("spc")
package app.catchball.metrics.spc;

package app.catchball;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Catchball: strategy deployment (hoshin kanri) for health and care organisations. */
@SpringBootApplication
public class CatchballApplication {

    public static void main(String[] args) {
        SpringApplication.run(CatchballApplication.class, args);
    }
}

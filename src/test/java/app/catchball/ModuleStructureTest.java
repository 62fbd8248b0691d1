package app.catchball;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Features talk through each other's public services only, and never in a cycle. */
class ModuleStructureTest {

    @Test
    void feature_modules_have_no_cycles_and_keep_their_internals_to_themselves() {
        ApplicationModules.of(CatchballApplication.class).verify();
    }
}

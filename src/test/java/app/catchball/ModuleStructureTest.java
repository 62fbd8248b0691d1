package app.catchball;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Features talk through each other's public services only, and never in a cycle. */
class ModuleStructureTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(CatchballApplication.class);

    @Test
    void feature_modules_have_no_cycles_and_keep_their_internals_to_themselves() {
        MODULES.verify();
    }

    /** The module diagram and a canvas per module, rewritten on every build so that docs/modules never drifts. */
    @Test
    void writes_the_module_diagrams_to_docs_modules() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();

        assertThat(Files.readString(Path.of("docs/modules/components.puml"))).contains("Planning", "Metrics", "Catchball", "Security");
    }
}

package org.banso;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries of STYLE.md hold: no cycles, no reaching into another module's internals. */
class ModularityTests {

    /** Analysing the classes takes seconds: once for the class, not once per test instance. */
    private static final ApplicationModules modules = ApplicationModules.of(BansoApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("target/spring-modulith-docs"))
                .writeDocumentation();
    }
}

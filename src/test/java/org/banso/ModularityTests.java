package org.banso;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries of STYLE.md hold: no cycles, no reaching into another module's internals. The documentation
 * it writes to {@code target/spring-modulith-docs} (a C4 component diagram, one diagram and one canvas per module)
 * shows each module's API services with the internal use cases behind them, and, as the module's description, its
 * {@code package-info}. The council module's describes its model: the API interfaces {@code Councils},
 * {@code Proposals}, {@code Pledges}, {@code Invitations}, {@code Meetings}, {@code Tasks}, {@code MaterialRequests}
 * and {@code CouncilMemberships}; the aggregates (Council, Participant, Proposal and its Answers, Pledge and
 * Signature, Invitation, Meeting, Task, MaterialRequest, Consent) whose verbs guard the rules and register the
 * {@code CouncilEvents}, which Spring Data JDBC publishes when it saves the aggregate; and the use cases that load,
 * call the verb and save.
 */
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

package org.banso;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries of STYLE.md hold: no cycles, no reaching into another module's internals. The documentation
 * it writes (module canvases and a C4 component diagram under {@code target/spring-modulith-docs}) shows each module's
 * API, the events it publishes and listens to, and its aggregates. The council module's, for instance: the API
 * interfaces {@code Councils}, {@code Proposals}, {@code Pledges}, {@code Invitations}, {@code Meetings},
 * {@code Tasks}, {@code MaterialRequests} and {@code CouncilMemberships}; the {@code CouncilEvents} its aggregates'
 * verbs register (CouncilProposed … ProposalAdopted … MaterialsProvided), published when Spring Data JDBC saves the
 * aggregate; and the aggregates themselves (Council, Participant, Proposal, Pledge, Signature, Invitation, Meeting,
 * Task, MaterialRequest, Consent) with their repositories.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(BansoApplication.class);

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

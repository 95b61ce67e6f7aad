package org.banso.council;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The designation payload of a proposal (API.md, R15). The council module stores and transports it; the information
 * module validates and applies it through {@link ProposalDesignations}.
 */
public record Designation(List<UUID> itemIds, Rule rule, List<UUID> scopeParticipantIds, Instant periodStart,
                          Instant periodEnd, String handling, String afterPeriod, Rationale rationale) {

    public record Rule(String category, UUID projectId) {
    }

    public record Rationale(String socialImplementation, String leakagePrevention, String innovation,
                            String participationIncentive) {
    }
}

package org.banso.technology;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.banso.identity.UserId;

/**
 * The recorded judgement behind a designation (R3, R4): the seed's three criteria, the two risks that make the
 * technology sensitive, the program's three selection lenses, and the expert or think-tank inputs it rests on.
 */
public record Assessment(UUID id, TechnologyId technologyId, Criterion japanStrength, Criterion foreignRdStatus,
                         Criterion socialNeeds, Criterion leakageRisk, Criterion dependenceRisk,
                         String superiority, String marketUnderinvestment, String dualUse, List<Input> inputs,
                         Instant assessedAt, UserId assessedBy) {

    public Assessment {
        inputs = List.copyOf(inputs);
    }

    /** A score from 1 (low) to 5 (high) with the evidence for it. */
    public record Criterion(Integer score, String evidence) {
    }

    public record Input(InputKind kind, String reference) {
    }

    public enum InputKind {
        EXPERT,
        THINK_TANK
    }
}

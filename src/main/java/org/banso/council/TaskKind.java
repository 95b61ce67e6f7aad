package org.banso.council;

import java.util.Optional;

/** An action item from an adopted decision (R9), or one of the support requests the seed names. */
public enum TaskKind {
    ACTION_ITEM,
    /** 規制緩和の検討 */
    REGULATORY_RELAXATION,
    /** 国際標準化の支援 */
    INTERNATIONAL_STANDARDIZATION;

    public static Optional<TaskKind> named(String name) {
        return Enums.named(TaskKind.class, name);
    }
}

package org.banso.council;

/**
 * Extension point (R7): another module, the funding module above all, may forbid dissolving a council, e.g. while a
 * K Program project it serves is active. Implementations are Spring beans; the council module never depends on them.
 */
public interface CouncilDissolutionVeto {

    /** True to refuse the dissolution with {@code 409 council-has-active-project}. Called in the dissolving transaction. */
    boolean forbidsDissolution(CouncilId council);
}

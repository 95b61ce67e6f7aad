package org.banso.information;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.identity.BansoUser;

/**
 * What the information module has waiting for one person, for their personal inbox (issue 16). Ids, instants and
 * counts only: the page links to where the person reads the rest, under the access policy.
 */
public interface InformationWorklist {

    /**
     * Designations of the councils whose information the person may read (a signed current pledge, R12) that end in
     * the period from {@code now} up to {@code until}: the items become council-internal or public then (R16).
     */
    List<EndingDesignation> designationsEnding(BansoUser person, Instant now, Instant until);

    /** For auditors: leak reports without a decided penalty yet (R17); empty for anyone else. */
    List<OpenLeakCase> openLeakCases(BansoUser auditor);

    record EndingDesignation(DesignationId id, CouncilId councilId, Instant periodEnd, Marking afterPeriod) {
    }

    record OpenLeakCase(UUID reportId, Instant reportedAt, int investigations) {
    }
}

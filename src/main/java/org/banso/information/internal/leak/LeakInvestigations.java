package org.banso.information.internal.leak;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.banso.identity.BansoUser;
import org.banso.identity.UserId;
import org.banso.information.ItemId;

/**
 * Leak tracing, reports, investigations and decisions (R17), for auditors only: anyone else is told
 * {@code not-found}, in this service and not only in the controllers.
 */
public interface LeakInvestigations {

    /** @throws org.banso.shared.BansoException {@code not-found} unless the caller may investigate leaks */
    void requireInvestigator(BansoUser caller);

    /** Traces a leaked file or pasted text (UTF-8); every attempt, also a refused one, is logged. */
    Optional<Trace> trace(byte[] leaked, BansoUser caller);

    /** The penalty table, for auditors and for the administrators who keep it. */
    List<Penalty> penalties(BansoUser caller);

    /**
     * An administrator corrects a penalty (names, maximum, source); the previous revision is kept. The kind of
     * maximum (amount, term, none) cannot change.
     */
    Penalty changePenalty(String code, PenaltyChange change, BansoUser caller);

    List<ReportSummary> reports(BansoUser caller);

    Report report(UUID id, BansoUser caller);

    Report reportLeak(NewReport report, BansoUser caller);

    /**
     * Attaches a trace result: from a fingerprint given directly, or found in a leaked file or text.
     *
     * @throws org.banso.shared.BansoException {@code validation-failed} when neither names a known fingerprint
     */
    Report investigate(UUID report, Investigation investigation, BansoUser caller);

    /**
     * Decides the penalty, once per report; the amount or term must be within the penalty table's maximum.
     *
     * @throws org.banso.shared.BansoException {@code validation-failed} for an unknown penalty or an amount or
     *                                         term missing, superfluous or over the maximum; {@code conflict} when
     *                                         already decided
     */
    Report decide(UUID report, Decision decision, BansoUser caller);

    /**
     * Checks a decision as {@link #decide} would, changing nothing: the page confirms only a decision that would be
     * taken.
     */
    void checkDecision(UUID report, Decision decision, BansoUser caller);

    /**
     * The titles of the items a report or trace names, so that pages show names and not ids; an id no item has is
     * left out.
     */
    Map<ItemId, String> itemTitles(Collection<ItemId> items, BansoUser caller);

    // --- requests and views ---

    record Trace(ItemId itemId, UserId recipientUserId, Instant downloadedAt, String fingerprint) {
    }

    /** @param fingerprint optional: a trace result attached as the first investigation, in the same transaction */
    record NewReport(ItemId itemId, String description, String fingerprint) {

        public NewReport(ItemId itemId, String description) {
            this(itemId, description, null);
        }
    }

    /** Exactly one of {@code fingerprint} and {@code leaked} is normally given; the fingerprint wins. */
    record Investigation(String fingerprint, byte[] leaked, String note) {
    }

    /** @param subject the person penalised; defaults to the recipient of the latest investigation */
    record Decision(String penalty, Long amountYen, Integer termMonths, UserId subject, String rationale) {
    }

    record PenaltyChange(String nameJa, String nameEn, Long maxAmountYen, Integer maxTermMonths, String source) {
    }

    record Penalty(String code, PenaltySubject appliesTo, String nameJa, String nameEn, Long maxAmountYen,
                   Integer maxTermMonths, String source, int revision) {
    }

    /** Whom a penalty can fall on: a person, an organisation, or either. */
    enum PenaltySubject {
        PERSON, ORGANIZATION, ANY
    }

    record ReportSummary(UUID id, ItemId itemId, String description, UserId reportedBy, Instant reportedAt,
                         int investigations, String penalty) {
    }

    record Report(UUID id, ItemId itemId, String description, UserId reportedBy, Instant reportedAt,
                  List<InvestigationView> investigations, DecisionView decision) {
    }

    record InvestigationView(UUID id, String fingerprint, ItemId itemId, UserId recipient, Instant downloadedAt,
                             String note, UserId investigatedBy, Instant investigatedAt) {
    }

    record DecisionView(String penalty, int penaltyRevision, UserId subject, Long amountYen, Integer termMonths,
                        String rationale, UserId decidedBy, Instant decidedAt) {
    }
}

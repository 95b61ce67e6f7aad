package org.banso.information.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.council.Designation;
import org.banso.council.ParticipantId;
import org.banso.council.ProposalId;
import org.banso.identity.BansoUser;
import org.banso.identity.UserId;
import org.banso.information.AccessDecision;
import org.banso.information.DesignationId;
import org.banso.information.DesignationState;
import org.banso.information.Handling;
import org.banso.information.InformationItems.DesignationRule;
import org.banso.information.InformationItems.DesignationView;
import org.banso.information.ItemCategory;
import org.banso.information.ItemId;
import org.banso.information.Marking;
import org.banso.shared.BansoException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a designation states (R15) — target, scope, period, handling, what the items become at the end, the four
 * rationales and its state now — as the pledged members of its council read it. Whether someone may read is the access
 * policy's decision for the council's listing, logged like any other (R17); its refusal is the caller's answer.
 */
@Component
class DesignationQueries {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AccessPolicy policy;

    DesignationQueries(JdbcClient jdbc, Clock clock, AccessPolicy policy) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.policy = policy;
    }

    /** One designation, for the pledged members of its council; {@code not-found} for anyone else (R12, R17). */
    DesignationView designation(DesignationId designation, BansoUser viewer) {
        Instant now = clock.instant();
        CouncilId council = jdbc.sql("select council_id from information_designation where id = ?")
                .param(designation.value()).query(UUID.class).optional().map(CouncilId::new)
                .orElseThrow(() -> BansoException.notFound("The designation"));
        requireCouncilReader(council, viewer, now);
        return designationViews("d.id = ?", designation.value(), now).get(0);
    }

    /** A council's designations, newest first, for its pledged members. */
    List<DesignationView> designations(CouncilId council, BansoUser viewer) {
        Instant now = clock.instant();
        requireCouncilReader(council, viewer, now);
        return designationViews("d.council_id = ?", council.value(), now);
    }

    private void requireCouncilReader(CouncilId council, BansoUser viewer, Instant now) {
        AccessDecision decision = policy.decideListing(viewer, council, now);
        if (!decision.permitted()) {
            throw ItemService.denial(decision, "The designation");
        }
    }

    private List<DesignationView> designationViews(String where, UUID key, Instant now) {
        return jdbc.sql("""
                        select d.*,
                               array(select di.item_id from information_designation_item di
                                     where di.designation_id = d.id order by di.item_id) as items,
                               array(select s.participant_id from information_designation_scope s
                                     where s.designation_id = d.id order by s.participant_id) as scope
                        from information_designation d where\s""" + where + " order by d.applied_at desc, d.id")
                .param(key).query((rs, n) -> {
                    Instant start = rs.getTimestamp("period_start").toInstant();
                    Instant end = rs.getTimestamp("period_end").toInstant();
                    String category = rs.getString("rule_category");
                    Object[] items = (Object[]) rs.getArray("items").getArray();
                    Object[] scope = (Object[]) rs.getArray("scope").getArray();
                    java.sql.Timestamp released = rs.getTimestamp("release_recorded_at");
                    UUID liftedBy = rs.getObject("lifted_by_proposal_id", UUID.class);
                    UUID replacedBy = rs.getObject("replaced_by", UUID.class);
                    return new DesignationView(new DesignationId(rs.getObject("id", UUID.class)),
                            new CouncilId(rs.getObject("council_id", UUID.class)),
                            new ProposalId(rs.getObject("proposal_id", UUID.class)),
                            Arrays.stream(items).map(o -> new ItemId((UUID) o)).toList(),
                            category == null ? null : new DesignationRule(ItemCategory.valueOf(category),
                                    rs.getObject("rule_project_id", UUID.class)),
                            Arrays.stream(scope).map(o -> new ParticipantId((UUID) o)).toList(),
                            start, end, Handling.valueOf(rs.getString("handling")),
                            Marking.valueOf(rs.getString("after_period")),
                            new Designation.Rationale(rs.getString("rationale_social_implementation"),
                                    rs.getString("rationale_leakage_prevention"),
                                    rs.getString("rationale_innovation"),
                                    rs.getString("rationale_participation_incentive")),
                            new UserId(rs.getObject("adopted_by", UUID.class)),
                            rs.getTimestamp("applied_at").toInstant(),
                            released == null ? null : released.toInstant(),
                            now.isBefore(start) ? DesignationState.PENDING
                                    : now.isBefore(end) ? DesignationState.ACTIVE : DesignationState.RELEASED,
                            rs.getTimestamp("stated_period_end").toInstant(),
                            liftedBy == null ? null : new ProposalId(liftedBy),
                            FactsStore.instant(rs.getTimestamp("lifted_at")),
                            replacedBy == null ? null : new DesignationId(replacedBy));
                }).list();
    }
}

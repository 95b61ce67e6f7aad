package org.banso.information.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.council.CouncilMembership;
import org.banso.council.CouncilMemberships;
import org.banso.council.Councils;
import org.banso.identity.BansoUser;
import org.banso.identity.Role;
import org.banso.information.DesignationId;
import org.banso.information.InformationWorklist;
import org.banso.information.Marking;
import org.banso.information.internal.leak.LeakInvestigations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The personal inbox's questions to the information module: designations about to end in the person's councils (the
 * council's pledged members may read its designations, as {@code GET /councils/{id}/designations} allows) and, for
 * auditors, the leak cases still open.
 */
@Component
@Transactional(readOnly = true)
class InformationWorkQueries implements InformationWorklist {

    private final JdbcClient jdbc;
    private final CouncilMemberships memberships;
    private final LeakInvestigations leaks;
    private final Councils councils;

    InformationWorkQueries(JdbcClient jdbc, CouncilMemberships memberships, LeakInvestigations leaks,
                           Councils councils) {
        this.jdbc = jdbc;
        this.councils = councils;
        this.memberships = memberships;
        this.leaks = leaks;
    }

    @Override
    public List<EndingDesignation> designationsEnding(BansoUser person, Instant now, Instant until) {
        // R12: the designations of a council are for its pledged members, decided by the memberships query
        List<UUID> readable = councils.councils(person).stream().map(c -> c.id())
                .filter(c -> memberships.membership(c, person.id()).map(CouncilMembership::pledgeSigned)
                        .orElse(false))
                .map(CouncilId::value).toList();
        if (readable.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select d.id, d.council_id, d.period_end, d.after_period from information_designation d
                        where d.period_end >= :now and d.period_end < :until and d.period_start <= :now
                          and d.council_id in (:councils)
                        order by d.period_end""")
                .param("now", Timestamp.from(now)).param("until", Timestamp.from(until))
                .param("councils", readable)
                .query((rs, n) -> new EndingDesignation(new DesignationId(rs.getObject("id", UUID.class)),
                        new CouncilId(rs.getObject("council_id", UUID.class)),
                        rs.getTimestamp("period_end").toInstant(),
                        Marking.valueOf(rs.getString("after_period"))))
                .list();
    }

    @Override
    public List<OpenLeakCase> openLeakCases(BansoUser auditor) {
        if (auditor == null || !auditor.hasRole(Role.AUDITOR)) {
            return List.of();
        }
        return leaks.reports(auditor).stream().filter(r -> r.penalty() == null)
                .map(r -> new OpenLeakCase(r.id(), r.reportedAt(), r.investigations())).toList();
    }
}

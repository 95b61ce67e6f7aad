package org.banso.information.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.council.CouncilMemberships;
import org.banso.identity.SecondFactorRequirement;
import org.banso.identity.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the identity module that a person must use a second factor when they participate in a council that has
 * adopted a designation still in force or to come (issue 18): such a council holds controlled information. Asks the
 * council module for the membership (its cached query), never its tables.
 */
@Component
class DesignatedCouncilsNeedSecondFactor implements SecondFactorRequirement {

    private final JdbcClient jdbc;
    private final CouncilMemberships memberships;
    private final Clock clock;

    DesignatedCouncilsNeedSecondFactor(JdbcClient jdbc, CouncilMemberships memberships, Clock clock) {
        this.jdbc = jdbc;
        this.memberships = memberships;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean requiresSecondFactor(UserId person) {
        List<UUID> councils = jdbc.sql("""
                        select distinct council_id from information_designation where period_end > ?""")
                .param(Timestamp.from(clock.instant())).query(UUID.class).list();
        return councils.stream().anyMatch(c -> memberships.membership(new CouncilId(c), person).isPresent());
    }
}

package org.banso.council.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.council.CouncilStatus;
import org.banso.council.Matter;
import org.banso.council.ProposalId;
import org.banso.identity.OrganizationId;
import org.banso.identity.UserId;

/** Rows the service works on, and small JDBC helpers. */
final class CouncilRecords {

    private CouncilRecords() {
    }

    record CouncilRow(CouncilId id, String name, OrganizationId competentMinistryId, CouncilStatus status,
                      int pledgeVersion, UserId proposedBy, Instant proposedAt, Instant establishedAt,
                      Instant dissolvedAt) {

        static CouncilRow map(ResultSet rs, int row) throws SQLException {
            return new CouncilRow(new CouncilId(rs.getObject("id", UUID.class)), rs.getString("name"),
                    new OrganizationId(rs.getObject("competent_ministry_id", UUID.class)),
                    CouncilStatus.valueOf(rs.getString("status")), rs.getInt("pledge_version"),
                    new UserId(rs.getObject("proposed_by", UUID.class)), instant(rs, "proposed_at"),
                    instant(rs, "established_at"), instant(rs, "dissolved_at"));
        }
    }

    record ProposalRow(ProposalId id, CouncilId councilId, Matter matter, String status, int revision,
                       UserId proposedBy, Instant proposedAt, Instant responseDeadline, Instant closedAt) {

        static ProposalRow map(ResultSet rs, int row) throws SQLException {
            return new ProposalRow(new ProposalId(rs.getObject("id", UUID.class)),
                    new CouncilId(rs.getObject("council_id", UUID.class)), Matter.valueOf(rs.getString("matter")),
                    rs.getString("status"), rs.getInt("revision"), new UserId(rs.getObject("proposed_by", UUID.class)),
                    instant(rs, "proposed_at"), instant(rs, "response_deadline"), instant(rs, "closed_at"));
        }

        boolean lapsed(Instant now) {
            return "OPEN".equals(status) && responseDeadline != null && !now.isBefore(responseDeadline);
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    static List<UUID> uuids(ResultSet rs, String column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(o -> (UUID) o).toList();
    }
}

package org.banso.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.banso.identity.OrganizationId;
import org.banso.identity.OrganizationKind;
import org.banso.identity.OrganizationView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class Organizations {

    private final JdbcClient jdbc;

    Organizations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(OrganizationView org) {
        jdbc.sql("""
                insert into identity_organization (id, name, name_en, kind, corporate_number, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(org.id().value(), org.name(), org.nameEn(), org.kind().name(), org.corporateNumber(),
                        Timestamp.from(org.createdAt()))
                .update();
    }

    List<OrganizationView> all() {
        // ministries first, as officials expect, then agencies, institutes and private participants
        return jdbc.sql("""
                        select * from identity_organization
                        order by array_position(array['MINISTRY', 'FUNDING_AGENCY', 'RESEARCH_INSTITUTE', 'THINK_TANK',
                                                      'UNIVERSITY', 'COMPANY', 'STARTUP', 'OTHER'], kind), name""")
                .query(Organizations::map).list();
    }

    Optional<OrganizationView> byId(OrganizationId id) {
        return jdbc.sql("select * from identity_organization where id = ?").param(id.value())
                .query(Organizations::map).optional();
    }

    Optional<OrganizationView> byName(String name) {
        return jdbc.sql("select * from identity_organization where name = ?").param(name)
                .query(Organizations::map).optional();
    }

    boolean corporateNumberTaken(String corporateNumber) {
        return jdbc.sql("select count(*) from identity_organization where corporate_number = ?")
                .param(corporateNumber).query(Long.class).single() > 0;
    }

    private static OrganizationView map(ResultSet rs, int row) throws SQLException {
        return new OrganizationView(new OrganizationId(rs.getObject("id", UUID.class)), rs.getString("name"),
                rs.getString("name_en"), OrganizationKind.valueOf(rs.getString("kind")),
                rs.getString("corporate_number"), rs.getTimestamp("created_at").toInstant());
    }
}

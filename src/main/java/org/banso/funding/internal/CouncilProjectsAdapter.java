package org.banso.funding.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.banso.council.CouncilProjects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the council module what it shows of the projects its councils serve (R7): their titles, and the draft
 * open/close plan of the application a project was awarded from, from which a council's first designation is drafted.
 */
@Component
class CouncilProjectsAdapter implements CouncilProjects {

    private final JdbcClient jdbc;

    CouncilProjectsAdapter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, String> titles(Collection<UUID> projects) {
        Map<UUID, String> titles = new LinkedHashMap<>();
        if (projects.isEmpty()) {
            return titles;
        }
        jdbc.sql("select id, title from funding_project where id = any(?) order by title")
                .param(projects.toArray(UUID[]::new))
                .query(rs -> {
                    titles.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return titles;
    }

    @Override
    public Optional<DraftPlan> draftPlan(UUID project) {
        return jdbc.sql("""
                        select a.plan_controlled, a.plan_from_whom, a.plan_months, a.plan_reason
                        from funding_project p join funding_application a on a.id = p.application_id
                        where p.id = ?""")
                .param(project)
                .query((rs, n) -> new DraftPlan(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3),
                        rs.getString(4)))
                .optional();
    }
}

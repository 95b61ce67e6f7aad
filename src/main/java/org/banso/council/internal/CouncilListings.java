package org.banso.council.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.council.CouncilStatus;
import org.banso.council.CouncilViews.CouncilSummary;
import org.banso.identity.OrganizationId;
import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.data.repository.Repository;

/**
 * The council lists other modules ask for on every request (search, information): the council's own row only, one
 * query, without loading whole aggregates.
 */
interface CouncilListings extends Repository<CouncilListings.Listing, CouncilId> {

    @Table("council_council")
    record Listing(@Id CouncilId id, String name, CouncilStatus status, OrganizationId competentMinistryId,
                   Instant proposedAt) {

        CouncilSummary summary() {
            return new CouncilSummary(id, name, status, competentMinistryId, proposedAt);
        }
    }

    Optional<Listing> findById(CouncilId id);

    /** What a person may know of: as an official of the competent ministry, a required consenter or a member. */
    @Query("""
            select c.* from council_council c
            where (:official and c.competent_ministry_id = :ministry)
               or exists (select 1 from council_required_consenter r where r.council_id = c.id and r.user_id = :user)
               or exists (select 1 from council_participant p
                          join council_participant_member m on m.participant_id = p.id
                          where p.council_id = c.id and p.left_at is null and m.user_id = :user)
            order by c.proposed_at desc""")
    List<Listing> visibleTo(boolean official, UUID ministry, UUID user);

    /** The council of a funding module's project (R7): a project has at most one. */
    @Query("""
            select c.* from council_council c join council_project p on p.council_id = c.id
            where p.project_id = :project""")
    Optional<Listing> ofProject(UUID project);

    @Query("select * from council_council where id > :after order by id limit :limit")
    List<Listing> page(UUID after, int limit);
}

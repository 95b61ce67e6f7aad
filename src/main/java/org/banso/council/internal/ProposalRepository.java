package org.banso.council.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.council.Matter;
import org.banso.council.ProposalId;
import org.banso.council.ProposalStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.Repository;

interface ProposalRepository extends Repository<Proposal, ProposalId> {

    Proposal save(Proposal proposal);

    Optional<Proposal> findById(ProposalId id);

    /**
     * Locks the proposal's row: answers to one proposal are serialized, so the last consent adopts it exactly once
     * (R14) however many arrive at the same moment.
     */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<Proposal> findLockedById(ProposalId id);

    @Lock(LockMode.PESSIMISTIC_WRITE)
    List<Proposal> findLockedByCouncilIdAndStatus(CouncilId council, ProposalStatus status);

    boolean existsByIdAndCouncilId(ProposalId id, CouncilId council);

    boolean existsByIdAndCouncilIdAndStatus(ProposalId id, CouncilId council, ProposalStatus status);

    @Query("select id from council_proposal where council_id = :council order by id")
    List<UUID> idsOf(CouncilId council);

    /** A line of a council's list of proposals: the proposal's row and its current title, in one query. */
    @Table("council_proposal")
    record Listing(@Id ProposalId id, CouncilId councilId, Matter matter, ProposalStatus status, int revision,
                   String title, Instant proposedAt, Instant responseDeadline) {
    }

    @Query("""
            select p.id, p.council_id, p.matter, p.status, p.revision, r.title, p.proposed_at, p.response_deadline
            from council_proposal p
            join council_proposal_revision r on r.proposal_id = p.id and r.revision = p.revision
            where p.council_id = :council order by p.proposed_at desc""")
    List<Listing> listingsOf(CouncilId council);
}

package org.banso.council.internal;

import java.util.List;

import org.banso.council.ProposalId;
import org.springframework.data.repository.Repository;

/** A proposal's discussion is only ever added to. */
interface DiscussionPostRepository extends Repository<DiscussionPost, Long> {

    DiscussionPost save(DiscussionPost post);

    List<DiscussionPost> findByProposalIdOrderBySeq(ProposalId proposal);
}

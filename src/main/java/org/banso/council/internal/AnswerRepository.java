package org.banso.council.internal;

import java.util.List;

import org.banso.council.ProposalId;
import org.springframework.data.repository.Repository;

/** Answers are only ever added (R14); they are given under the proposal's lock ({@link ProposalRepository}). */
interface AnswerRepository extends Repository<Answer, Long> {

    Answer save(Answer answer);

    List<Answer> findByProposalIdOrderBySeq(ProposalId proposal);
}

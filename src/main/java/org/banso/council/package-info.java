/**
 * Councils (協議会, R5–R14): establishment with the consent of the required researchers, participants of many kinds,
 * confidentiality pledges, proposals decided by the consent of every participant, meetings, action items, support
 * requests and material requests. Its API: the {@link org.banso.council.CouncilManagement} facade, the
 * {@link org.banso.council.CouncilMemberships} query every access decision asks, read models, the past-tense
 * {@link org.banso.council.CouncilEvents}, and two extension points other modules implement without this module
 * depending on them: {@link org.banso.council.CouncilDissolutionVeto} (funding, R7) and
 * {@link org.banso.council.ProposalDesignations} (information, R14/R15).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Council")
package org.banso.council;

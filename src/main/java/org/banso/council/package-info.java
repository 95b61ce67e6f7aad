/**
 * Councils (協議会, R5–R14): establishment with the consent of the required researchers, participants of many kinds,
 * confidentiality pledges, proposals decided by the consent of every participant, meetings, action items, support
 * requests and material requests.
 * <p>
 * <b>API</b> (this package): one interface per kind of thing the module holds, named as its plural like the other
 * modules' APIs ({@code Calls}, {@code Guidelines}, {@code Commissions}): {@link org.banso.council.Councils},
 * {@link org.banso.council.Proposals}, {@link org.banso.council.Pledges}, {@link org.banso.council.Invitations},
 * {@link org.banso.council.Meetings}, {@link org.banso.council.Tasks}, {@link org.banso.council.MaterialRequests};
 * the {@link org.banso.council.CouncilMemberships} query every access decision asks (R12, R17); typed ids, state
 * enums and read models ({@link org.banso.council.CouncilViews}); the past-tense
 * {@link org.banso.council.CouncilEvents}; and two extension points other modules implement without this module
 * depending on them: {@link org.banso.council.CouncilDissolutionVeto} (funding, R7) and
 * {@link org.banso.council.ProposalDesignations} (information, R14/R15). Every method taking a person decides itself
 * whether they may act; a refused request changes nothing.
 * <p>
 * <b>Inside</b> ({@code internal}): aggregates whose verbs guard their own rules and register the events above —
 * {@code Council} (propose, recordConsent, establish, dissolve, admit, invite, submitProposal, scheduleMeeting),
 * {@code Participant} (join, addMember, leave), {@code Proposal} (submit, answer, amend, withdraw, reconsider: one
 * objection blocks, an amendment asks everyone again, the last consent adopts) with its append-only
 * {@code Answer}s, {@code Pledge} (sign, publish) with
 * each person's {@code Signature} (revoke, endOnLeaving), {@code Invitation} (bound to the kind of organization and
 * person its role stands for, used up by a joining or by refused registrations, silent once used), {@code Meeting},
 * {@code Task}, {@code MaterialRequest}, and the append-only {@code Consent}. They are stored by Spring Data JDBC
 * repositories, which publish the registered events when an aggregate is saved; rows are locked
 * ({@code SELECT … FOR UPDATE}) before an aggregate that may change concurrently is loaded. Thin use-case services
 * named for what happens ({@code EstablishingCouncils}, {@code DecidingProposals}, {@code SigningPledges},
 * {@code JoiningByInvitation}, {@code HoldingMeetings}, {@code TrackingTasks}, {@code RequestingMaterials}) load,
 * call the verb and save; {@code CouncilAccess} is the one place that decides who may know of a council and act in
 * it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Council")
package org.banso.council;

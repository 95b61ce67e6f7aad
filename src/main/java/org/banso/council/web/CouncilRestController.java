package org.banso.council.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.banso.council.ConsentDecision;
import org.banso.council.CouncilId;
import org.banso.council.CouncilViews.CouncilSummary;
import org.banso.council.CouncilViews.CouncilView;
import org.banso.council.CouncilViews.InvitationView;
import org.banso.council.CouncilViews.IssuedInvitation;
import org.banso.council.CouncilViews.MaterialRequestView;
import org.banso.council.CouncilViews.MeetingView;
import org.banso.council.CouncilViews.PledgeView;
import org.banso.council.CouncilViews.ProposalSummary;
import org.banso.council.CouncilViews.ProposalView;
import org.banso.council.CouncilViews.SignatureView;
import org.banso.council.CouncilViews.TaskView;
import org.banso.council.Councils;
import org.banso.council.Designation;
import org.banso.council.InvitationId;
import org.banso.council.Invitations;
import org.banso.council.MaterialRequestId;
import org.banso.council.MaterialRequests;
import org.banso.council.MeetingId;
import org.banso.council.Meetings;
import org.banso.council.ParticipantId;
import org.banso.council.ParticipantRole;
import org.banso.council.Pledges;
import org.banso.council.ProposalId;
import org.banso.council.ProposalResponse;
import org.banso.council.Proposals;
import org.banso.council.TaskId;
import org.banso.council.TaskKind;
import org.banso.council.Tasks;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.OrganizationKind;
import org.banso.identity.UserId;
import org.banso.shared.BansoException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API.md § Councils. Rules and access checks are the module's use cases'; this class only translates. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Councils")
class CouncilRestController {

    private final Councils councils;
    private final Proposals proposals;
    private final Pledges pledges;
    private final Invitations invitations;
    private final Meetings meetings;
    private final Tasks tasks;
    private final MaterialRequests materials;

    CouncilRestController(Councils councils, Proposals proposals, Pledges pledges, Invitations invitations,
                          Meetings meetings, Tasks tasks, MaterialRequests materials) {
        this.councils = councils;
        this.proposals = proposals;
        this.pledges = pledges;
        this.invitations = invitations;
        this.meetings = meetings;
        this.tasks = tasks;
        this.materials = materials;
    }

    record ConsentRequest(String decision) {
    }

    /** @param invitee whom it names (then the link is e-mailed to them); null names nobody */
    record InvitationRequest(ParticipantRole role, Invitations.Invitee invitee) {
    }

    record PledgeRequest(Boolean accept, String language) {
    }

    record PledgeTextRequest(String textJa, String textEn) {
    }

    record ResponseRequest(String response, String reason) {
    }

    /** The whole new revision; {@code responseDeadline} null keeps the current deadline. */
    record AmendRequest(String title, String body, Designation designation, java.time.Instant responseDeadline,
                        UUID liftsDesignationId, Integer reviewWindowDays) {
    }

    record QuestionRequest(String text) {
    }

    record AttendanceRequest(List<UserId> attendees, UUID minutesItemId) {
    }

    /** {@code kind} as text, so that an unknown one is a field error rather than an unreadable body. */
    record TaskRequest(String kind, ProposalId proposalId, ParticipantId assigneeParticipantId,
                       OrganizationId responsibleMinistryId, String title, String description, LocalDate dueDate) {
    }

    record FulfilRequest(List<UUID> itemIds) {
    }

    record DeclineRequest(String reason) {
    }

    /** R13: a newcomer's own organization and account; {@code kind} as text so that a wrong one is a field error. */
    record RegistrationRequest(OrganizationRequest organization, String username, String displayName, String email,
                               String password) {
    }

    record OrganizationRequest(String name, String nameEn, String kind, String corporateNumber) {
    }

    record Accepted(CouncilId councilId) {
    }

    record CreatedCouncil(CouncilId id, String status) {
    }

    @PostMapping("/councils")
    @Operation(summary = "Propose a council (MINISTRY_OFFICIAL of the competent ministry, R5)",
            description = "requiredConsenterIds: at least the principal investigator of each linked project. The "
                    + "competent ministry takes part from the start, represented by the proposer.")
    ResponseEntity<CouncilView> propose(@RequestBody Councils.NewCouncil request,
                                        @AuthenticationPrincipal BansoUser user) {
        CouncilView council = councils.propose(request, user);
        return ResponseEntity.created(URI.create("/api/v1/councils/" + council.id())).body(council);
    }

    @GetMapping("/councils")
    @Operation(summary = "The councils the caller may see")
    List<CouncilSummary> list(@AuthenticationPrincipal BansoUser user) {
        return councils.councils(user);
    }

    @GetMapping("/councils/{id}")
    @Operation(summary = "A council: status, participants, consents (404 for anyone who may not know it exists)")
    CouncilView one(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return councils.council(new CouncilId(id), user);
    }

    @PostMapping("/councils/{id}/consents")
    @Operation(summary = "A required consenter consents or declines, for themself (R5)")
    CouncilView consent(@PathVariable UUID id, @RequestBody ConsentRequest request,
                        @AuthenticationPrincipal BansoUser user) {
        return councils.recordConsent(new CouncilId(id),
                request == null ? null : ConsentDecision.named(request.decision()).orElse(null), user);
    }

    @PostMapping("/councils/{id}/establish")
    @Operation(summary = "Establish: 409 consent-missing / consent-declined (R5)")
    CouncilView establish(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return councils.establish(new CouncilId(id), user);
    }

    @PostMapping("/councils/{id}/dissolve")
    @Operation(summary = "Dissolve: 409 council-has-active-project while R7 forbids it")
    CouncilView dissolve(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return councils.dissolve(new CouncilId(id), user);
    }

    @PostMapping("/councils/{id}/participants")
    @Operation(summary = "Add a participant organization with its role, representative and members (R6)")
    ResponseEntity<CouncilView> addParticipant(@PathVariable UUID id,
                                               @RequestBody Councils.NewParticipant request,
                                               @AuthenticationPrincipal BansoUser user) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(councils.addParticipant(new CouncilId(id), request, user));
    }

    @DeleteMapping("/councils/{id}/participants/{participantId}")
    @Operation(summary = "The participant leaves (its representative) or is removed (the competent ministry)",
            description = "Access ends at once; the pledge's duty is recorded as continuing (R12). Open proposals "
                    + "that every remaining participant consented to are adopted (R14).")
    CouncilView removeParticipant(@PathVariable UUID id, @PathVariable UUID participantId,
                                  @AuthenticationPrincipal BansoUser user) {
        return councils.removeParticipant(new CouncilId(id), new ParticipantId(participantId), user);
    }

    @PostMapping("/councils/{id}/invitations")
    @Operation(summary = "A one-time, expiring invitation link (R13); the token is shown only here",
            description = "{role, invitee: {name, organization, email, language: ja|en}}: a named invitation is "
                    + "e-mailed to the invitee in the same transaction (the mail names no council); expires after "
                    + "banso.council.invitation-lifetime (14 days). Without invitee it names nobody and nothing is "
                    + "sent. Invalid invitee fields: 400 validation-failed on invitee.name, invitee.organization, "
                    + "invitee.email, invitee.language.")
    ResponseEntity<IssuedInvitation> invite(@PathVariable UUID id, @RequestBody InvitationRequest request,
                                            @AuthenticationPrincipal BansoUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(invitations.invite(new CouncilId(id),
                request == null ? null : request.role(), request == null ? null : request.invitee(), user));
    }

    @GetMapping("/councils/{id}/invitations")
    List<InvitationView> invitations(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return invitations.invitations(new CouncilId(id), user);
    }

    @DeleteMapping("/councils/{id}/invitations/{invitationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeInvitation(@PathVariable UUID id, @PathVariable UUID invitationId,
                          @AuthenticationPrincipal BansoUser user) {
        invitations.revoke(new CouncilId(id), new InvitationId(invitationId), user);
    }

    @PostMapping("/invitations/{token}/accept")
    @Operation(summary = "Accept an invitation: the caller's organization joins (or the caller joins it) (R13)")
    Accepted accept(@PathVariable String token, @AuthenticationPrincipal BansoUser user) {
        return new Accepted(invitations.accept(token, user));
    }

    @PostMapping("/invitations/{token}/register")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Without an account: register a new organization and account through the invitation and "
            + "join; then sign in and sign the pledge (R13). Public: the token is the capability")
    Accepted register(@PathVariable String token, @RequestBody(required = false) RegistrationRequest request) {
        RegistrationRequest r = request == null ? new RegistrationRequest(null, null, null, null, null) : request;
        OrganizationRequest o = r.organization() == null ? new OrganizationRequest(null, null, null, null)
                : r.organization();
        return new Accepted(invitations.register(token, new IdentityManagement.Newcomer(
                new IdentityManagement.NewOrganization(o.name(), o.nameEn(), kind(o.kind()), o.corporateNumber()),
                r.username(), r.displayName(), r.email(), r.password())));
    }

    /** An organization kind by name, or null (refused by the service as a field error) when it names none. */
    static OrganizationKind kind(String name) {
        if (name == null) {
            return null;
        }
        try {
            return OrganizationKind.valueOf(name.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @GetMapping("/councils/{id}/pledge")
    @Operation(summary = "The current pledge text (ja, en), its version and whether the caller signed it")
    PledgeView pledge(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return pledges.pledge(new CouncilId(id), user);
    }

    @PostMapping("/councils/{id}/pledges")
    @Operation(summary = "Sign the current pledge text {accept: true, language: ja|en} (R12)")
    ResponseEntity<PledgeView> sign(@PathVariable UUID id, @RequestBody PledgeRequest request,
                                    @AuthenticationPrincipal BansoUser user) {
        if (request == null || !Boolean.TRUE.equals(request.accept())) {
            throw BansoException.invalid("accept", "must be true: signing means accepting the text");
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(pledges.sign(new CouncilId(id), request.language(), user));
    }

    @DeleteMapping("/councils/{id}/pledges/mine")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one's pledge: access ends at once (R12)")
    void revoke(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        pledges.revoke(new CouncilId(id), user);
    }

    @PostMapping("/councils/{id}/pledge-texts")
    @Operation(summary = "Publish a new pledge version (competent ministry); everyone must sign again")
    ResponseEntity<PledgeView> newVersion(@PathVariable UUID id, @RequestBody PledgeTextRequest request,
                                          @AuthenticationPrincipal BansoUser user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(pledges.publishVersion(new CouncilId(id),
                request == null ? null : request.textJa(), request == null ? null : request.textEn(), user));
    }

    @GetMapping("/councils/{id}/pledges")
    @Operation(summary = "Every signature: person, version, SHA-256 of the text, when, and when access ended")
    List<SignatureView> signatures(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return pledges.signatures(new CouncilId(id), user);
    }

    @PostMapping("/councils/{id}/proposals")
    @Operation(summary = "Make a proposal of one of the four matters (R8), optionally with a designation (R15)",
            description = "Matters CONTENT_AND_RESULTS and INFORMATION_MANAGEMENT may carry a designation and/or "
                    + "liftsDesignationId: a designation of the council in force or to come that the proposal ends "
                    + "at adoption, or, together with a designation, narrows (the designation replaces it and may only "
                    + "restrict less; R16). INFORMATION_MANAGEMENT may set reviewWindowDays: the council's review "
                    + "window after which its projects' research results are published by default (R16). "
                    + "responseDeadline: by when every participant is asked to answer (optional, in the future).")
    ResponseEntity<ProposalView> propose(@PathVariable UUID id, @RequestBody Proposals.NewProposal request,
                                         @AuthenticationPrincipal BansoUser user) {
        ProposalView proposal = proposals.propose(new CouncilId(id), request, user);
        return ResponseEntity.created(URI.create("/api/v1/proposals/" + proposal.id())).body(proposal);
    }

    @GetMapping("/councils/{id}/proposals")
    List<ProposalSummary> proposals(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return proposals.proposals(new CouncilId(id), user);
    }

    @GetMapping("/proposals/{id}")
    ProposalView proposal(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return proposals.proposal(new ProposalId(id), user);
    }

    @PostMapping("/proposals/{id}/responses")
    @Operation(summary = "A participant's representative answers CONSENT or OBJECT (with a reason) (R14)",
            description = "409 already-responded for a second answer to the same revision; 409 proposal-closed once "
                    + "adopted, withdrawn or lapsed. The last consent adopts the proposal at once.")
    ProposalView respond(@PathVariable UUID id, @RequestBody ResponseRequest request,
                         @AuthenticationPrincipal BansoUser user) {
        return proposals.respond(new ProposalId(id),
                request == null ? null : ProposalResponse.named(request.response()).orElse(null),
                request == null ? null : request.reason(), user);
    }

    @PostMapping("/proposals/{id}/amend")
    @Operation(summary = "A new revision: everyone is asked again (R14)",
            description = "The request states the whole revision: without a designation the revision carries none. "
                    + "responseDeadline (optional, in the future) replaces the deadline; omitted, it is kept.")
    ProposalView amend(@PathVariable UUID id, @RequestBody AmendRequest request,
                       @AuthenticationPrincipal BansoUser user) {
        if (request == null) {
            throw BansoException.invalid("title", "must not be blank");
        }
        return proposals.amend(new ProposalId(id), new Proposals.Amendment(request.title(), request.body(),
                request.designation(), request.responseDeadline(), request.liftsDesignationId(),
                request.reviewWindowDays()), user);
    }

    @PostMapping("/proposals/{id}/questions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask a question or answer one under an open proposal (pledged members of participants)",
            description = "{text} of at most 2000 characters; the proposal with its discussion is answered. Visible to "
                    + "the council's pledged participants only (R12); 409 proposal-closed once it is closed.")
    ProposalView ask(@PathVariable UUID id, @RequestBody(required = false) QuestionRequest request,
                     @AuthenticationPrincipal BansoUser user) {
        return proposals.ask(new ProposalId(id), request == null ? null : request.text(), user);
    }

    @PostMapping("/proposals/{id}/withdraw")
    ProposalView withdraw(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return proposals.withdraw(new ProposalId(id), user);
    }

    @PostMapping("/councils/{id}/meetings")
    @Operation(summary = "Schedule a meeting with agenda items, each of one of the four matters (R8)")
    ResponseEntity<MeetingView> meeting(@PathVariable UUID id, @RequestBody Meetings.NewMeeting request,
                                        @AuthenticationPrincipal BansoUser user) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(meetings.schedule(new CouncilId(id), request, user));
    }

    @GetMapping("/councils/{id}/meetings")
    List<MeetingView> meetings(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return meetings.meetings(new CouncilId(id), user);
    }

    @GetMapping("/meetings/{id}")
    MeetingView meeting(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return meetings.meeting(new MeetingId(id), user);
    }

    @GetMapping(value = "/meetings/{id}/ical", produces = "text/calendar")
    @Operation(summary = "The meeting as iCalendar (RFC 5545)")
    ResponseEntity<String> ical(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"meeting-" + id + ".ics\"")
                .body(meetings.calendar(new MeetingId(id), user));
    }

    @PutMapping("/meetings/{id}")
    @Operation(summary = "Move a meeting or change where it is held (the competent ministry)",
            description = "{startsAt, endsAt, place, link}: everyone's calendar entry is replaced (the meeting's "
                    + "iCalendar SEQUENCE is raised and the members get an updated invitation). 409 conflict for a "
                    + "cancelled meeting.")
    MeetingView reschedule(@PathVariable UUID id, @RequestBody Meetings.Reschedule request,
                           @AuthenticationPrincipal BansoUser user) {
        return meetings.reschedule(new MeetingId(id), request, user);
    }

    @PostMapping("/meetings/{id}/cancel")
    @Operation(summary = "Call a meeting off (the competent ministry); calendars remove the entry (METHOD:CANCEL)")
    MeetingView cancelMeeting(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return meetings.cancel(new MeetingId(id), user);
    }

    @PutMapping("/meetings/{id}/attendance")
    @Operation(summary = "Record who attended and the information item holding the minutes (category MINUTES)")
    MeetingView attendance(@PathVariable UUID id, @RequestBody AttendanceRequest request,
                           @AuthenticationPrincipal BansoUser user) {
        return meetings.recordAttendance(new MeetingId(id), request == null ? null : request.attendees(),
                request == null ? null : request.minutesItemId(), user);
    }

    @PostMapping("/councils/{id}/tasks")
    @Operation(summary = "An action item from an adopted proposal (R9), or a support request (REGULATORY_RELAXATION, "
            + "INTERNATIONAL_STANDARDIZATION) assigned to a responsible ministry")
    ResponseEntity<TaskView> task(@PathVariable UUID id, @RequestBody TaskRequest request,
                                  @AuthenticationPrincipal BansoUser user) {
        Tasks.NewTask task = request == null ? null : new Tasks.NewTask(TaskKind.named(request.kind()).orElse(null),
                request.proposalId(), request.assigneeParticipantId(), request.responsibleMinistryId(),
                request.title(), request.description(), request.dueDate());
        return ResponseEntity.status(HttpStatus.CREATED).body(tasks.create(new CouncilId(id), task, user));
    }

    @GetMapping("/councils/{id}/tasks")
    @Operation(summary = "Action items and support requests, with overdue shown")
    List<TaskView> tasks(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return tasks.tasks(new CouncilId(id), user);
    }

    @PostMapping("/tasks/{id}/done")
    TaskView done(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return tasks.complete(new TaskId(id), user);
    }

    @PostMapping("/councils/{id}/material-requests")
    @Operation(summary = "Request materials from the think tank or a participant, with a due date (R11)")
    ResponseEntity<MaterialRequestView> requestMaterials(@PathVariable UUID id,
                                                         @RequestBody MaterialRequests.NewMaterialRequest request,
                                                         @AuthenticationPrincipal BansoUser user) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(materials.request(new CouncilId(id), request, user));
    }

    @GetMapping("/councils/{id}/material-requests")
    List<MaterialRequestView> materialRequests(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return materials.requests(new CouncilId(id), user);
    }

    @PostMapping("/material-requests/{id}/fulfil")
    MaterialRequestView fulfil(@PathVariable UUID id, @RequestBody FulfilRequest request,
                               @AuthenticationPrincipal BansoUser user) {
        return materials.fulfil(new MaterialRequestId(id), request == null ? null : request.itemIds(), user);
    }

    @PostMapping("/material-requests/{id}/decline")
    MaterialRequestView decline(@PathVariable UUID id, @RequestBody DeclineRequest request,
                                @AuthenticationPrincipal BansoUser user) {
        return materials.decline(new MaterialRequestId(id), request == null ? null : request.reason(), user);
    }
}

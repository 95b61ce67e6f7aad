package org.banso.council.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.banso.council.CouncilId;
import org.banso.council.CouncilMembership;
import org.banso.council.CouncilMemberships;
import org.banso.council.CouncilStatus;
import org.banso.council.CouncilViews.CouncilView;
import org.banso.council.CouncilViews.ParticipantView;
import org.banso.council.CouncilViews.PledgeView;
import org.banso.council.Councils;
import org.banso.council.Invitations;
import org.banso.council.Matter;
import org.banso.council.ParticipantRole;
import org.banso.council.Pledges;
import org.banso.council.Proposals;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.Role;
import org.banso.identity.UserId;
import org.banso.identity.UserView;
import org.banso.shared.BansoException;
import org.banso.council.CouncilItems;
import org.banso.council.CouncilProjects;
import org.banso.council.CouncilViews.ProposalView;
import org.banso.council.web.CouncilForms.ConsentForm;
import org.banso.web.Confirmation;
import org.banso.web.DateFormats;
import org.banso.web.FieldErrorMessages;
import org.banso.web.Forms;
import org.banso.web.PublicBaseUrl;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The council pages: the list and proposal of councils, and a council's page (status, consents, participants,
 * pledge, invitations, proposals) with its consent, establishment, pledge and leaving forms and the new-proposal form
 * with its designation editor. Every rule and access check is the module's; a refused form comes back with the reason.
 */
@Controller
class CouncilPages {

    private final Councils councils;
    private final Proposals proposals;
    private final Pledges pledges;
    private final Invitations invitations;
    private final CouncilMemberships memberships;
    private final IdentityManagement identity;
    private final CouncilNames names;
    private final FieldErrorMessages errorMessages;
    private final java.time.Clock clock;
    private final ProposalEditor editor;
    private final ObjectProvider<CouncilProjects> projects;
    private final ObjectProvider<CouncilItems> items;
    private final MessageSource messages;
    private final PublicBaseUrl publicBaseUrl;

    CouncilPages(Councils councils, Proposals proposals, Pledges pledges, Invitations invitations,
                 CouncilMemberships memberships, IdentityManagement identity, CouncilNames names,
                 FieldErrorMessages errorMessages, java.time.Clock clock, ProposalEditor editor,
                 ObjectProvider<CouncilProjects> projects,
                 ObjectProvider<CouncilItems> items, MessageSource messages, PublicBaseUrl publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
        this.editor = editor;
        this.projects = projects;
        this.items = items;
        this.messages = messages;
        this.councils = councils;
        this.proposals = proposals;
        this.pledges = pledges;
        this.invitations = invitations;
        this.memberships = memberships;
        this.identity = identity;
        this.names = names;
        this.errorMessages = errorMessages;
        this.clock = clock;
    }

    @GetMapping("/councils")
    String list(Model model, @AuthenticationPrincipal BansoUser user) {
        fillList(model, user, new CouncilForm("", ""));
        return "council/list";
    }

    private void fillList(Model model, BansoUser user, CouncilForm form) {
        model.addAttribute("councils", councils.councils(user));
        model.addAttribute("mayPropose", user.hasRole(Role.MINISTRY_OFFICIAL) && user.organizationId() != null);
        model.addAttribute("councilForm", form);
    }

    /**
     * R5: a ministry official proposes a council of their ministry, naming the researchers whose consent it needs by
     * username. Refused, the list comes back with the form as typed and each reason beside its field.
     */
    @PostMapping("/councils")
    String propose(@Valid @ModelAttribute("councilForm") CouncilForm form, BindingResult binding, Model model,
                   @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        // every username is looked up, also when another field is wrong, so that the page names every mistake
        List<UserId> ids = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String username : (form == null || form.consenters() == null ? "" : form.consenters())
                .split("[\\s,、]+")) {
            if (!username.isBlank()) {
                identity.userByUsername(username).map(UserView::id).ifPresentOrElse(ids::add,
                        () -> unknown.add(username));
            }
        }
        if (!unknown.isEmpty() && !binding.hasFieldErrors("consenters")) {
            binding.rejectValue("consenters", "validation.unknown-usernames",
                    new Object[] {String.join("、", unknown)}, "No account is named " + unknown + ".");
        }
        return Forms.submit(binding, () -> {
            CouncilView council = councils.propose(new Councils.NewCouncil(form.name(),
                    user.organizationId(), List.of(), ids), user);
            redirect.addFlashAttribute("saved", "council.proposed");
            return "redirect:/councils/" + council.id();
        }, e -> Forms.refusal(e).rename("requiredConsenterIds", "consenters"), () -> {
            fillList(model, user, form);
            return "council/list";
        });
    }

    /** A new council: its name, and the usernames of the researchers whose consent it needs, by spaces or commas. */
    record CouncilForm(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 2000) String consenters) {
    }

    @GetMapping("/councils/{id}")
    String council(@PathVariable UUID id, @RequestParam(required = false) String draft,
                   @RequestParam(required = false) UUID lift, @RequestParam(required = false) String then,
                   Model model, @AuthenticationPrincipal BansoUser user) {
        CouncilId councilId = new CouncilId(id);
        CouncilView council = councils.council(councilId, user);
        CouncilMembership me = memberships.membership(councilId, user.id()).orElse(null);
        // R7: "propose from this draft" prefills the new-proposal form (matter INFORMATION_MANAGEMENT) with the
        // application's draft plan, designation editor included, for those who may propose: pledged participants of
        // an established council
        boolean mayPropose = me != null && me.pledgeSigned() && council.status() == CouncilStatus.ESTABLISHED;
        boolean fromDraft = "information-management".equals(draft) && council.informationManagementDraft() != null
                && mayPropose;
        ProposalForm form = ProposalForm.blank(clock.instant());
        if (fromDraft) {
            UUID project = council.projectIds().isEmpty() ? null : council.projectIds().get(0);
            CouncilProjects port = projects.getIfAvailable();
            form = ProposalForm.fromDraft(messages.getMessage("council.draft.proposalTitle", null,
                            org.springframework.context.i18n.LocaleContextHolder.getLocale()),
                    council.informationManagementDraft(),
                    project == null || port == null ? null : port.draftPlan(project).orElse(null), project,
                    council.participants().stream().map(p -> p.id().value()).toList(), clock.instant());
        } else if (lift != null && mayPropose) {
            // R16: ending or narrowing a designation starts from it as it stands
            CouncilItems port = items.getIfAvailable();
            form = (port == null ? java.util.Optional.<CouncilItems.DesignationInForce>empty()
                    : port.designations(councilId, user).stream().filter(d -> d.id().equals(lift))
                    .filter(CouncilItems.DesignationInForce::liftable).findFirst())
                    .map(d -> ProposalForm.forLift(d, messages.getMessage("editor.lift.proposalTitle", null,
                            org.springframework.context.i18n.LocaleContextHolder.getLocale()), clock.instant()))
                    .orElse(form);
        }
        model.addAttribute("prefillFromDraft", fromDraft);
        // told to sign first while opening council content: the pledge form carries it on (issue 17)
        model.addAttribute("then", AfterPledge.requested(then));
        fill(model, council, me, user, form);
        return "council/council";
    }

    /**
     * A new proposal from the page's form (R8, R14–R16): the form's shape first (Bean Validation, and what a
     * designation needs), then the module's rules; a refusal comes back on the council page with everything typed
     * kept, each message by its field and the error summary at the top.
     */
    @PostMapping("/councils/{id}/proposals")
    String newProposal(@PathVariable UUID id, @Valid @ModelAttribute("proposalForm") ProposalForm form,
                       BindingResult binding, Model model, @AuthenticationPrincipal BansoUser user,
                       RedirectAttributes redirect) {
        CouncilId councilId = new CouncilId(id);
        ProposalForm proposal = Forms.typed(form, ProposalForm.class, binding, model);
        proposal.checkShape(binding);
        return Forms.submit(binding, () -> {
            ProposalView made = proposals.propose(councilId, new Proposals.NewProposal(proposal.matter(),
                    proposal.title(), proposal.body(), proposal.terms(java.util.Set.of()).designation(),
                    proposal.deadline(), proposal.terms(java.util.Set.of()).liftsDesignationId(),
                    proposal.reviewWindowDays()), user);
            redirect.addFlashAttribute("saved", "proposal.submittedNotice");
            return "redirect:/proposals/" + made.id();
        }, ProposalForm::refusal, () -> {
            CouncilView council = councils.council(councilId, user);
            CouncilMembership me = memberships.membership(councilId, user.id()).orElse(null);
            model.addAttribute("prefillFromDraft", false);
            fill(model, council, me, user, proposal);
            return "council/council";
        });
    }

    private void fill(Model model, CouncilView council, CouncilMembership me, BansoUser user, ProposalForm form) {
        CouncilId councilId = council.id();
        boolean competent = me != null && me.role() == ParticipantRole.COMPETENT_MINISTRY;
        model.addAttribute("council", council);
        model.addAttribute("me", me);
        model.addAttribute("pledge", pledges.pledge(councilId, user));
        model.addAttribute("isConsenter", council.requiredConsenterIds().contains(user.id()));
        model.addAttribute("competent", competent);
        model.addAttribute("invitations", competent ? invitations.invitations(councilId, user) : List.of());
        if (competent) {
            invitationLimits(model);
        }
        if (!model.containsAttribute("invitationForm")) {
            model.addAttribute("invitationForm", InvitationForm.blank(invitations.defaultExpiry(),
                    LocaleContextHolder.getLocale().getLanguage().equals("en") ? "en" : "ja"));
        }
        model.addAttribute("proposals", me != null && me.pledgeSigned() ? proposals.proposals(councilId, user)
                : List.of());
        model.addAttribute("roles", List.of(ParticipantRole.values()).subList(1, ParticipantRole.values().length));
        model.addAttribute("names", names.of(council));
        model.addAttribute("now", clock.instant());
        if (me != null && me.pledgeSigned() && council.status() == CouncilStatus.ESTABLISHED) {
            CouncilItems port = items.getIfAvailable();
            model.addAttribute("designations", port == null ? List.of() : port.designations(councilId, user));
            editor.fill(model, council, user, form, java.util.Set.of());
        } else {
            model.addAttribute("matters", Matter.values());
        }
    }

    /**
     * The invitation form's hint, from the configuration rather than a number in the bundle: the default last day
     * ({@code banso.council.invitation-lifetime} from now) and the latest day the module accepts
     * ({@code banso.council.invitation-max-lifetime} from now; the link works to the end of the chosen day, so the
     * latest day is the one whose end is still within that lifetime).
     */
    private void invitationLimits(Model model) {
        Instant now = clock.instant();
        Instant byDefault = invitations.defaultExpiry();
        Instant latest = invitations.latestExpiry();
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("invitationHint", messages.getMessage("invitation.expiresOn.hint", new Object[] {
                java.time.Duration.between(now, byDefault).toDays(),
                day(LocalDate.ofInstant(byDefault, DateFormats.JAPAN), locale),
                day(LocalDate.ofInstant(latest, DateFormats.JAPAN).minusDays(1), locale),
                java.time.Duration.between(now, latest).toDays()}, locale));
    }

    /** A calendar day as the pages write dates (the era year on Japanese pages). */
    private static String day(LocalDate day, Locale locale) {
        return DateFormats.date(day.atTime(12, 0).atZone(DateFormats.JAPAN).toInstant(), locale);
    }

    /**
     * An invitation from the council page (R13): with the invitee named, e-mailed to them (issue 16; the council
     * module validates every field); naming nobody, a link shown once on the page. Refused, the council page comes back
     * with the form as typed, each message by its field.
     */
    @PostMapping("/councils/{id}/invitations")
    String invite(@PathVariable UUID id, @Valid @ModelAttribute("invitationForm") InvitationForm form,
                  BindingResult binding, Model model, @AuthenticationPrincipal BansoUser user,
                  RedirectAttributes redirect) {
        CouncilId councilId = new CouncilId(id);
        return Forms.submit(binding, () -> {
            var invitation = invitations.invite(councilId, form.role(), form.invitee(), form.expiresAt(), user);
            if (form.named()) {
                redirect.addFlashAttribute("saved", "invitation.mailed");
            } else {
                // shown once: only its hash is stored
                redirect.addFlashAttribute("invitationPath", invitation.acceptPath());
                // the configured public address when there is one; otherwise the one the inviter's browser used
                redirect.addFlashAttribute("invitationUrl", publicBaseUrl.value() != null
                        ? publicBaseUrl.resolve(invitation.acceptPath())
                        : ServletUriComponentsBuilder.fromCurrentContextPath().path(invitation.acceptPath())
                        .toUriString());
            }
            return "redirect:/councils/" + id + "#invitations";
        }, e -> Forms.refusal(e).rename("invitee.name", "inviteeName")
                .rename("invitee.organization", "inviteeOrganization")
                .rename("invitee.email", "inviteeEmail").rename("invitee.language", "inviteeLanguage")
                .rename("expiresAt", "expiresOn"), () -> refused(model, councilId, user));
    }

    /**
     * R5: a required researcher's consent or decline. Refused, the council page comes back with the reason by the
     * answer buttons and in the error summary.
     */
    @PostMapping("/councils/{id}/consents")
    String consent(@PathVariable UUID id, @Valid @ModelAttribute("consentForm") ConsentForm form,
                   BindingResult binding, Model model, @AuthenticationPrincipal BansoUser user,
                   RedirectAttributes redirect) {
        CouncilId councilId = new CouncilId(id);
        return Forms.submit(binding, () -> {
            councils.recordConsent(councilId, form.decision(), user);
            redirect.addFlashAttribute("saved", "council.consentRecorded");
            return "redirect:/councils/" + id;
        }, () -> refused(model, councilId, user));
    }

    /** The council page again, for a form of it sent back: the form and its errors are in the model already. */
    private String refused(Model model, CouncilId councilId, BansoUser user) {
        CouncilView council = councils.council(councilId, user);
        model.addAttribute("prefillFromDraft", false);
        fill(model, council, memberships.membership(councilId, user.id()).orElse(null), user,
                ProposalForm.blank(clock.instant()));
        return "council/council";
    }

    @PostMapping("/councils/{id}/establish")
    String establish(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        return errorMessages.attempt(redirect, "redirect:/councils/" + id, () -> {
            councils.establish(new CouncilId(id), user);
            redirect.addFlashAttribute("saved", "council.establishedNotice");
            return "redirect:/councils/" + id;
        });
    }

    /**
     * R12: signing the council's pledge, the box ticked to say it was read. Refused, the council page comes back with
     * the reason beside the box.
     */
    @PostMapping("/councils/{id}/pledges")
    String sign(@PathVariable UUID id, @Valid @ModelAttribute("pledgeForm") PledgeForm form, BindingResult binding,
                Model model, @AuthenticationPrincipal BansoUser user, HttpSession session,
                RedirectAttributes redirect) {
        CouncilId councilId = new CouncilId(id);
        return Forms.submit(binding, () -> {
            pledges.sign(councilId, form.language(), user);
            redirect.addFlashAttribute("saved", "pledge.signedNotice");
            return "redirect:" + AfterPledge.signed(session, councilId, form.then());
        }, () -> {
            model.addAttribute("then", AfterPledge.requested(form.then()));
            return refused(model, councilId, user);
        });
    }

    /**
     * The pledge's form: the box ticked, the language of the text the person read, and the council content they were
     * opening when told to sign first (a hidden field; anything but such a path is ignored, see {@link AfterPledge}).
     */
    record PledgeForm(@AssertTrue boolean accept, @Pattern(regexp = "ja|en") String language, String then) {
    }

    /**
     * R12: revoking one's own pledge ends one's access to the council's non-public information at once. First a
     * confirmation page says so, names the person and the council, and what cannot be undone; the result names them.
     * Without a signed pledge there is nothing to confirm: the module refuses as before.
     */
    @PostMapping("/councils/{id}/pledges/revoke")
    String revoke(@PathVariable UUID id, @RequestParam(name = Confirmation.CONFIRMED, required = false)
                  String confirmed, HttpServletRequest request, Model model, @AuthenticationPrincipal BansoUser user,
                  RedirectAttributes redirect, Locale locale) {
        CouncilId councilId = new CouncilId(id);
        CouncilView council = councils.council(councilId, user);
        PledgeView pledge = pledges.pledge(councilId, user);
        String person = identity.user(user.id()).map(UserView::displayName).orElse(user.displayName());
        if (!Confirmation.confirmed(confirmed) && pledge.signed()) {
            model.addAttribute("confirmation", new Confirmation(Forms.text("pledge.confirm.revoke.title"),
                    Forms.text("pledge.confirm.revoke.what", council.name(), pledge.version()),
                    Forms.text("pledge.confirm.revoke.whom", person, organizationName(user.organizationId(), locale)),
                    Forms.text("pledge.confirm.revoke.irreversible"), "/councils/" + id + "/pledges/revoke",
                    Confirmation.values(request.getParameterMap()), Forms.text("pledge.confirm.revoke.submit"),
                    "/councils/" + id + "#pledge"));
            return Confirmation.VIEW;
        }
        return errorMessages.attempt(redirect, "redirect:/councils/" + id, () -> {
            pledges.revoke(councilId, user);
            redirect.addFlashAttribute("savedText", Forms.text("pledge.revokedNotice", person, council.name()));
            return "redirect:/councils/" + id;
        });
    }

    /**
     * A participant leaves through its representative, or the competent ministry removes it; either way its members
     * lose access at once (R12) and open proposals are decided by those who remain (R14). First a confirmation page
     * names the organisation and its people, says what will happen and what cannot be undone; the result names the
     * organisation, worded for whoever acted: "you left" only to the one who left.
     */
    @PostMapping("/councils/{id}/participants/{participantId}/leave")
    String leave(@PathVariable UUID id, @PathVariable UUID participantId,
                 @RequestParam(name = Confirmation.CONFIRMED, required = false) String confirmed,
                 HttpServletRequest request, Model model, @AuthenticationPrincipal BansoUser user,
                 RedirectAttributes redirect, Locale locale) {
        CouncilId councilId = new CouncilId(id);
        CouncilView council = councils.council(councilId, user);
        ParticipantView participant = council.participants().stream()
                .filter(p -> p.id().value().equals(participantId)).findFirst()
                .orElseThrow(() -> BansoException.notFound("The participant"));
        boolean itself = memberships.membership(councilId, user.id())
                .map(me -> me.participant().equals(participant.id())).orElse(false);
        String organization = organizationName(participant.organizationId(), locale);
        String people = people(participant, locale);
        String key = itself ? "participant.confirm.leave." : "participant.confirm.remove.";
        if (!Confirmation.confirmed(confirmed)) {
            // the council module answers before the page is shown, as the action would: no confirmation of what
            // this person may not do
            return errorMessages.attempt(redirect, "redirect:/councils/" + id, () -> {
                councils.checkRemoveParticipant(councilId, participant.id(), user);
                model.addAttribute("confirmation", new Confirmation(Forms.text(key + "title"),
                        Forms.text(key + "what", organization, council.name()),
                        Forms.text("participant.confirm.whom", organization,
                                Forms.text("participant.role." + participant.role().name()), people),
                        Forms.text(key + "irreversible"),
                        "/councils/" + id + "/participants/" + participantId + "/leave",
                        Confirmation.values(request.getParameterMap()), Forms.text(key + "submit", organization),
                        "/councils/" + id));
                return Confirmation.VIEW;
            });
        }
        return errorMessages.attempt(redirect, "redirect:/councils/" + id, () -> {
            councils.removeParticipant(councilId, participant.id(), user);
            redirect.addFlashAttribute("savedText", itself
                    ? Forms.text("participant.leftNotice", organization, council.name())
                    : Forms.text("participant.removedNotice", organization, council.name(), people));
            return memberships.membership(councilId, user.id()).isPresent() ? "redirect:/councils/" + id
                    : "redirect:/councils";
        });
    }

    private String organizationName(OrganizationId organization, Locale locale) {
        return organization == null ? "" : identity.organization(organization).map(o -> o.localName(locale))
                .orElse("");
    }

    /** The representative and members of a participant by name, the representative first. */
    private String people(ParticipantView participant, Locale locale) {
        Set<UserId> ids = new LinkedHashSet<>();
        if (participant.representativeId() != null) {
            ids.add(participant.representativeId());
        }
        ids.addAll(participant.memberIds());
        return ids.stream().map(identity::user).flatMap(Optional::stream).map(UserView::displayName)
                .collect(Collectors.joining("ja".equals(locale.getLanguage()) ? "、" : ", "));
    }
}

package org.banso.council.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import org.banso.council.ConsentDecision;
import org.banso.council.CouncilId;
import org.banso.council.CouncilMembership;
import org.banso.council.CouncilMemberships;
import org.banso.council.CouncilStatus;
import org.banso.council.CouncilViews.CouncilView;
import org.banso.council.Councils;
import org.banso.council.Invitations;
import org.banso.council.Matter;
import org.banso.council.ParticipantId;
import org.banso.council.ParticipantRole;
import org.banso.council.Pledges;
import org.banso.council.Proposals;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.Role;
import org.banso.identity.UserId;
import org.banso.identity.UserView;
import org.banso.shared.BansoException;
import org.banso.council.CouncilItems;
import org.banso.council.CouncilProjects;
import org.banso.council.CouncilViews.ProposalView;
import org.banso.shared.ProblemCode;
import org.banso.web.BindingMessages;
import org.banso.web.FieldErrorMessages;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
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
    private final BindingMessages bindingMessages;
    private final ObjectProvider<CouncilProjects> projects;
    private final ObjectProvider<CouncilItems> items;
    private final MessageSource messages;

    CouncilPages(Councils councils, Proposals proposals, Pledges pledges, Invitations invitations,
                 CouncilMemberships memberships, IdentityManagement identity, CouncilNames names,
                 FieldErrorMessages errorMessages, java.time.Clock clock, ProposalEditor editor,
                 BindingMessages bindingMessages, ObjectProvider<CouncilProjects> projects,
                 ObjectProvider<CouncilItems> items, MessageSource messages) {
        this.editor = editor;
        this.bindingMessages = bindingMessages;
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
        model.addAttribute("councils", councils.councils(user));
        model.addAttribute("mayPropose", user.hasRole(Role.MINISTRY_OFFICIAL) && user.organizationId() != null);
        return "council/list";
    }

    @PostMapping("/councils")
    String propose(@RequestParam String name, @RequestParam(required = false) String consenters,
                   @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        return errorMessages.attempt(redirect, "redirect:/councils", () -> {
            // required consenters by username, separated by spaces or commas
            List<UserId> ids = new ArrayList<>();
            for (String username : (consenters == null ? "" : consenters).split("[\\s,、]+")) {
                if (!username.isBlank()) {
                    ids.add(identity.userByUsername(username).map(UserView::id).orElseThrow(() ->
                            BansoException.invalid("requiredConsenterIds", "No account is named " + username + ".")));
                }
            }
            CouncilView council = councils.propose(new Councils.NewCouncil(name, user.organizationId(), List.of(),
                    ids), user);
            redirect.addFlashAttribute("saved", "council.proposed");
            return "redirect:/councils/" + council.id();
        });
    }

    @GetMapping("/councils/{id}")
    String council(@PathVariable UUID id, @RequestParam(required = false) String draft,
                   @RequestParam(required = false) UUID lift, Model model, @AuthenticationPrincipal BansoUser user) {
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
        fill(model, council, me, user, form, Map.of());
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
                       HttpServletResponse response, RedirectAttributes redirect) {
        CouncilId councilId = new CouncilId(id);
        form.checkShape(binding);
        if (!binding.hasErrors()) {
            try {
                ProposalView proposal = proposals.propose(councilId, new Proposals.NewProposal(form.matter(),
                        form.title(), form.body(), form.terms(java.util.Set.of()).designation(), form.deadline(),
                        form.terms(java.util.Set.of()).liftsDesignationId(), form.reviewWindowDays()), user);
                redirect.addFlashAttribute("saved", "proposal.submittedNotice");
                return "redirect:/proposals/" + proposal.id();
            } catch (BansoException e) {
                if (e.code() == ProblemCode.NOT_FOUND) {
                    throw e;
                }
                return refused(model, councilId, user, form, bindingMessages.byField(e, ProposalForm::formField),
                        response);
            }
        }
        return refused(model, councilId, user, form, bindingMessages.byField(binding), response);
    }

    private String refused(Model model, CouncilId councilId, BansoUser user, ProposalForm form,
                           Map<String, String> errors, HttpServletResponse response) {
        CouncilView council = councils.council(councilId, user);
        CouncilMembership me = memberships.membership(councilId, user.id()).orElse(null);
        model.addAttribute("prefillFromDraft", false);
        fill(model, council, me, user, form, errors);
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return "council/council";
    }

    private void fill(Model model, CouncilView council, CouncilMembership me, BansoUser user, ProposalForm form,
                      Map<String, String> errors) {
        CouncilId councilId = council.id();
        boolean competent = me != null && me.role() == ParticipantRole.COMPETENT_MINISTRY;
        model.addAttribute("council", council);
        model.addAttribute("me", me);
        model.addAttribute("pledge", pledges.pledge(councilId, user));
        model.addAttribute("isConsenter", council.requiredConsenterIds().contains(user.id()));
        model.addAttribute("competent", competent);
        model.addAttribute("invitations", competent ? invitations.invitations(councilId, user) : List.of());
        model.addAttribute("proposals", me != null && me.pledgeSigned() ? proposals.proposals(councilId, user)
                : List.of());
        model.addAttribute("roles", List.of(ParticipantRole.values()).subList(1, ParticipantRole.values().length));
        model.addAttribute("names", names.of(council));
        model.addAttribute("now", clock.instant());
        if (me != null && me.pledgeSigned() && council.status() == CouncilStatus.ESTABLISHED) {
            CouncilItems port = items.getIfAvailable();
            model.addAttribute("designations", port == null ? List.of() : port.designations(councilId, user));
            editor.fill(model, council, user, form, errors, java.util.Set.of(), false);
        } else {
            model.addAttribute("matters", Matter.values());
        }
    }

    @PostMapping("/councils/{id}/consents")
    String consent(@PathVariable UUID id, @RequestParam String decision, @AuthenticationPrincipal BansoUser user,
                   RedirectAttributes redirect) {
        return errorMessages.attempt(redirect, "redirect:/councils/" + id, () -> {
            councils.recordConsent(new CouncilId(id), ConsentDecision.named(decision).orElse(null), user);
            redirect.addFlashAttribute("saved", "council.consentRecorded");
            return "redirect:/councils/" + id;
        });
    }

    @PostMapping("/councils/{id}/establish")
    String establish(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        return errorMessages.attempt(redirect, "redirect:/councils/" + id, () -> {
            councils.establish(new CouncilId(id), user);
            redirect.addFlashAttribute("saved", "council.establishedNotice");
            return "redirect:/councils/" + id;
        });
    }

    @PostMapping("/councils/{id}/pledges")
    String sign(@PathVariable UUID id, @RequestParam(required = false) String accept,
                @RequestParam(required = false) String language, @AuthenticationPrincipal BansoUser user,
                HttpSession session, RedirectAttributes redirect) {
        return errorMessages.attempt(redirect, "redirect:/councils/" + id, () -> {
            if (!"true".equals(accept)) {
                throw BansoException.invalid("accept", "Tick the box to accept the pledge.");
            }
            pledges.sign(new CouncilId(id), language, user);
            redirect.addFlashAttribute("saved", "pledge.signedNotice");
            return "redirect:" + AfterPledge.signed(session, new CouncilId(id));
        });
    }

    @PostMapping("/councils/{id}/pledges/revoke")
    String revoke(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        return errorMessages.attempt(redirect, "redirect:/councils/" + id, () -> {
            pledges.revoke(new CouncilId(id), user);
            redirect.addFlashAttribute("saved", "pledge.revokedNotice");
            return "redirect:/councils/" + id;
        });
    }

    @PostMapping("/councils/{id}/participants/{participantId}/leave")
    String leave(@PathVariable UUID id, @PathVariable UUID participantId, @AuthenticationPrincipal BansoUser user,
                 RedirectAttributes redirect) {
        return errorMessages.attempt(redirect, "redirect:/councils/" + id, () -> {
            councils.removeParticipant(new CouncilId(id), new ParticipantId(participantId), user);
            redirect.addFlashAttribute("saved", "participant.leftNotice");
            return memberships.membership(new CouncilId(id), user.id()).isPresent() ? "redirect:/councils/" + id
                    : "redirect:/councils";
        });
    }
}

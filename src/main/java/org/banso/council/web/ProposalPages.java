package org.banso.council.web;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.banso.council.CouncilItems;
import org.banso.council.CouncilMembership;
import org.banso.council.CouncilMemberships;
import org.banso.council.CouncilViews.CouncilView;
import org.banso.council.CouncilViews.ProposalView;
import org.banso.council.CouncilViews.ResponseView;
import org.banso.council.CouncilViews.RevisionView;
import org.banso.council.Councils;
import org.banso.council.InformationTerms;
import org.banso.council.ParticipantRole;
import org.banso.council.ProposalId;
import org.banso.council.ProposalStatus;
import org.banso.council.Proposals;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.council.web.CouncilForms.QuestionForm;
import org.banso.council.web.CouncilForms.ResponseForm;
import org.banso.web.Confirmation;
import org.banso.web.FieldErrorMessages;
import org.banso.web.Forms;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A proposal in the pages (R8, R14–R16): the decision card first — what everyone is asked to consent to — then the
 * text, each participant's answer with its reason or comment and who has not answered, the deadline and the time
 * left, the comparison of two revisions, the discussion, and the forms: answering, amending (the designation editor,
 * pre-filled from the current revision, so that sending it unchanged keeps everything), withdrawing, asking.
 */
@Controller
class ProposalPages {

    private final Proposals proposals;
    private final Councils councils;
    private final CouncilMemberships memberships;
    private final CouncilNames names;
    private final FieldErrorMessages errorMessages;
    private final DecisionCards cards;
    private final ProposalEditor editor;
    private final IdentityManagement identity;
    private final ObjectProvider<CouncilItems> items;

    ProposalPages(Proposals proposals, Councils councils, CouncilMemberships memberships, CouncilNames names,
                  FieldErrorMessages errorMessages, DecisionCards cards,
                  ProposalEditor editor, IdentityManagement identity, ObjectProvider<CouncilItems> items) {
        this.proposals = proposals;
        this.councils = councils;
        this.memberships = memberships;
        this.names = names;
        this.errorMessages = errorMessages;
        this.cards = cards;
        this.editor = editor;
        this.identity = identity;
        this.items = items;
    }

    @GetMapping("/proposals/{id}")
    String proposal(@PathVariable UUID id, @RequestParam(required = false) Integer from,
                    @RequestParam(required = false) Integer to, Model model,
                    @AuthenticationPrincipal BansoUser user) {
        ProposalView proposal = proposals.proposal(new ProposalId(id), user);
        fill(model, proposal, user, from, to, null);
        return "council/proposal";
    }

    private void fill(Model model, ProposalView proposal, BansoUser user, Integer from, Integer to,
                      ProposalForm form) {
        CouncilView council = councils.council(proposal.councilId(), user);
        CouncilMembership me = memberships.membership(proposal.councilId(), user.id()).orElseThrow();
        Map<String, String> councilNames = names.of(council);
        proposal.discussion().forEach(d -> identity.user(d.authorId())
                .ifPresent(u -> councilNames.put(u.id().toString(), u.displayName())));
        proposal.responses().forEach(r -> identity.user(r.respondedBy())
                .ifPresent(u -> councilNames.put(u.id().toString(), u.displayName())));
        model.addAttribute("proposal", proposal);
        model.addAttribute("council", council);
        model.addAttribute("me", me);
        model.addAttribute("names", councilNames);
        boolean mayAmend = proposal.proposedBy().equals(user.id())
                || me.role() == ParticipantRole.COMPETENT_MINISTRY;
        model.addAttribute("mayAmend", mayAmend);
        model.addAttribute("myAnswer", proposal.responses().stream()
                .filter(r -> r.revision() == proposal.revision() && r.participantId().equals(me.participant()))
                .findFirst().orElse(null));
        Map<String, ResponseView> currentAnswers = new HashMap<>();
        proposal.responses().stream().filter(r -> r.revision() == proposal.revision())
                .forEach(r -> currentAnswers.put(r.participantId().toString(), r));
        model.addAttribute("currentAnswers", currentAnswers);
        model.addAttribute("awaitingNames", proposal.awaiting().stream()
                .map(p -> council.participants().stream().filter(v -> v.id().equals(p)).findFirst()
                        .map(cards.participantLabel(council)).orElse(p.toString())).toList());
        model.addAttribute("card", cards.card(proposal.terms(), council, user));
        if (!model.containsAttribute("questionForm")) {
            model.addAttribute("questionForm", new QuestionForm(""));
        }
        // the comparison: the previous revision against the current one, unless others are asked for
        int last = proposal.revision();
        int right = to == null || to < 1 || to > last ? last : to;
        int left = from == null || from < 1 || from > last ? Math.max(1, right - 1) : from;
        RevisionView before = revision(proposal, left);
        RevisionView after = revision(proposal, right);
        model.addAttribute("compareFrom", left);
        model.addAttribute("compareTo", right);
        model.addAttribute("comparison", last > 1 ? cards.compare(before, after, council, user) : List.of());
        if (proposal.status() == ProposalStatus.OPEN && mayAmend) {
            Set<UUID> hidden = hiddenItems(proposal, council, user);
            ProposalForm amend = form != null ? form : ProposalForm.amending(proposal.matter(), proposal.title(),
                    proposal.body(), proposal.responseDeadline(), proposal.terms());
            editor.fill(model, council, user, amend, hidden);
        }
    }

    private static RevisionView revision(ProposalView proposal, int number) {
        return proposal.revisions().stream().filter(r -> r.revision() == number).findFirst().orElseThrow();
    }

    /** Items of the current designation the person may not see: they could not tick them, so they stay in it. */
    private Set<UUID> hiddenItems(ProposalView proposal, CouncilView council, BansoUser user) {
        if (proposal.designation() == null || proposal.designation().itemIds() == null
                || proposal.designation().itemIds().isEmpty()) {
            return Set.of();
        }
        CouncilItems port = items.getIfAvailable();
        Set<UUID> visible = port == null ? Set.of()
                : port.named(council.id(), proposal.designation().itemIds(), user).keySet();
        Set<UUID> hidden = new HashSet<>(proposal.designation().itemIds());
        hidden.removeAll(visible);
        return hidden;
    }

    /**
     * An objection gives its reason; a consent may carry a comment (R14). Refused, the proposal page comes back with
     * the answer as typed in the form it was sent from, the error summary above the answer forms.
     */
    @PostMapping("/proposals/{id}/responses")
    String respond(@PathVariable UUID id, @Valid @ModelAttribute("responseForm") ResponseForm form,
                   BindingResult binding, Model model, @AuthenticationPrincipal BansoUser user,
                   RedirectAttributes redirect) {
        ProposalId proposalId = new ProposalId(id);
        return Forms.submit(binding, () -> {
            ProposalView after = proposals.respond(proposalId, form.response(), form.reason(), user);
            redirect.addFlashAttribute("saved", after.status() == ProposalStatus.ADOPTED
                    ? "proposal.adoptedNotice" : "proposal.answeredNotice");
            return "redirect:/proposals/" + id;
        }, () -> {
            fill(model, proposals.proposal(proposalId, user), user, null, null, null);
            return "council/proposal";
        });
    }

    /**
     * A new revision from the pre-filled form: what is unchanged stays exactly as it was; a designation is removed only
     * by choosing so in the editor. Refused, the form comes back with everything typed and the messages.
     */
    @PostMapping("/proposals/{id}/amend")
    String amend(@PathVariable UUID id, @Valid @ModelAttribute("proposalForm") ProposalForm form,
                 BindingResult binding, Model model, @AuthenticationPrincipal BansoUser user,
                 RedirectAttributes redirect) {
        ProposalId proposalId = new ProposalId(id);
        ProposalView current = proposals.proposal(proposalId, user);
        ProposalForm amendment = Forms.typed(form, ProposalForm.class, binding, model);
        amendment.checkShape(binding);
        return Forms.submit(binding, () -> {
            CouncilView council = councils.council(current.councilId(), user);
            InformationTerms terms = amendment.target() == null ? current.terms()
                    : amendment.terms(hiddenItems(current, council, user));
            proposals.amend(proposalId, new Proposals.Amendment(amendment.title(), amendment.body(),
                    terms.designation(), amendment.deadlineUnchanged() ? null : amendment.deadline(),
                    terms.liftsDesignationId(),
                    terms.reviewWindowDays()), user);
            redirect.addFlashAttribute("saved", "proposal.amendedNotice");
            return "redirect:/proposals/" + id;
        }, ProposalForm::refusal, () -> {
            // the form as sent (the matter cannot be amended: its hidden field only says which editor to show)
            fill(model, current, user, null, null, amendment);
            model.addAttribute("amendRefused", true);
            return "council/proposal";
        });
    }

    /**
     * Withdrawing ends a proposal for good (it can never be adopted), so it is first confirmed on a page naming the
     * proposal, its council and the participants asked; the result names the proposal.
     */
    @PostMapping("/proposals/{id}/withdraw")
    String withdraw(@PathVariable UUID id, @RequestParam(name = Confirmation.CONFIRMED, required = false)
                    String confirmed, HttpServletRequest request, Model model,
                    @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        ProposalView proposal = proposals.proposal(new ProposalId(id), user);
        if (!Confirmation.confirmed(confirmed)) {
            // the council module answers before the page is shown, as the action would (only the proposer or the
            // competent ministry, only an open proposal)
            return errorMessages.attempt(redirect, "redirect:/proposals/" + id, () -> {
                proposals.checkWithdraw(new ProposalId(id), user);
                CouncilView council = councils.council(proposal.councilId(), user);
                model.addAttribute("confirmation", new Confirmation(Forms.text("proposal.confirm.withdraw.title"),
                        Forms.text(proposal.designation() == null ? "proposal.confirm.withdraw.what"
                                : "proposal.confirm.withdraw.whatDesignation", proposal.title(),
                                proposal.revision()),
                        Forms.text("proposal.confirm.withdraw.whom", council.name(), council.participants().size(),
                                proposal.responses().size()),
                        Forms.text("proposal.confirm.withdraw.irreversible"), "/proposals/" + id + "/withdraw",
                        Confirmation.values(request.getParameterMap()),
                        Forms.text("proposal.confirm.withdraw.submit", proposal.title()), "/proposals/" + id));
                return Confirmation.VIEW;
            });
        }
        return errorMessages.attempt(redirect, "redirect:/proposals/" + id, () -> {
            proposals.withdraw(new ProposalId(id), user);
            redirect.addFlashAttribute("savedText", Forms.text("proposal.withdrawnNotice", proposal.title()));
            return "redirect:/proposals/" + id;
        });
    }

    /**
     * A question or an answer in the proposal's discussion (pledged members of participants, R12). Refused, the page
     * comes back with the text as typed.
     */
    @PostMapping("/proposals/{id}/questions")
    String ask(@PathVariable UUID id, @Valid @ModelAttribute("questionForm") QuestionForm form, BindingResult binding,
               Model model, @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        ProposalId proposalId = new ProposalId(id);
        return Forms.submit(binding, () -> {
            proposals.ask(proposalId, form.text(), user);
            redirect.addFlashAttribute("saved", "discussion.postedNotice");
            return "redirect:/proposals/" + id + "#discussion";
        }, () -> {
            fill(model, proposals.proposal(proposalId, user), user, null, null, null);
            return "council/proposal";
        });
    }
}

package org.banso.council.web;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.council.CouncilMembership;
import org.banso.council.CouncilMemberships;
import org.banso.council.CouncilViews.CouncilView;
import org.banso.council.CouncilViews.ProposalView;
import org.banso.council.Councils;
import org.banso.council.Matter;
import org.banso.council.ParticipantRole;
import org.banso.council.ProposalId;
import org.banso.council.ProposalResponse;
import org.banso.council.ProposalStatus;
import org.banso.council.Proposals;
import org.banso.identity.BansoUser;
import org.banso.shared.BansoException;
import org.banso.web.FieldErrorMessages;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Proposals in the pages (R8, R14): making one, its page (text, revisions, answers), answering, amending, withdrawing. */
@Controller
class ProposalPages {

    private final Proposals proposals;
    private final Councils councils;
    private final CouncilMemberships memberships;
    private final CouncilNames names;
    private final FieldErrorMessages errorMessages;

    ProposalPages(Proposals proposals, Councils councils, CouncilMemberships memberships, CouncilNames names,
                  FieldErrorMessages errorMessages) {
        this.proposals = proposals;
        this.councils = councils;
        this.memberships = memberships;
        this.names = names;
        this.errorMessages = errorMessages;
    }

    @PostMapping("/councils/{id}/proposals")
    String newProposal(@PathVariable UUID id, @RequestParam(required = false) Matter matter,
                       @RequestParam String title, @RequestParam String body,
                       @RequestParam(required = false) String deadlineDate,
                       @RequestParam(required = false) String deadlineTime,
                       @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        return errorMessages.attempt(redirect, "redirect:/councils/" + id + "#proposals", () -> {
            ProposalView proposal = proposals.propose(new CouncilId(id),
                    new Proposals.NewProposal(matter, title, body, null, deadline(deadlineDate, deadlineTime)),
                    user);
            return "redirect:/proposals/" + proposal.id();
        });
    }

    /** A date and time of day in Japan time, as the page's inputs give them; no date = no deadline. */
    static java.time.Instant deadline(String date, String time) {
        java.time.LocalDate day = org.banso.web.FormValues.parse(date, java.time.LocalDate::parse);
        if (day == null) {
            if (date != null && !date.isBlank()) {
                throw BansoException.invalid("responseDeadline", "must be a date");
            }
            return null;
        }
        java.time.LocalTime at = org.banso.web.FormValues.parse(time, java.time.LocalTime::parse);
        return day.atTime(at == null ? java.time.LocalTime.of(17, 0) : at).atZone(org.banso.web.DateFormats.JAPAN)
                .toInstant();
    }

    @GetMapping("/proposals/{id}")
    String proposal(@PathVariable UUID id, Model model, @AuthenticationPrincipal BansoUser user) {
        ProposalView proposal = proposals.proposal(new ProposalId(id), user);
        CouncilView council = councils.council(proposal.councilId(), user);
        CouncilMembership me = memberships.membership(proposal.councilId(), user.id()).orElseThrow();
        model.addAttribute("proposal", proposal);
        model.addAttribute("council", council);
        model.addAttribute("me", me);
        model.addAttribute("names", names.of(council));
        model.addAttribute("mayAmend", proposal.proposedBy().equals(user.id())
                || me.role() == ParticipantRole.COMPETENT_MINISTRY);
        model.addAttribute("myAnswer", proposal.responses().stream()
                .filter(r -> r.revision() == proposal.revision() && r.participantId().equals(me.participant()))
                .findFirst().orElse(null));
        Map<String, Object> currentAnswers = new HashMap<>();
        proposal.responses().stream().filter(r -> r.revision() == proposal.revision())
                .forEach(r -> currentAnswers.put(r.participantId().toString(), r));
        model.addAttribute("currentAnswers", currentAnswers);
        return "council/proposal";
    }

    @PostMapping("/proposals/{id}/responses")
    String respond(@PathVariable UUID id, @RequestParam String response,
                   @RequestParam(required = false) String reason, @AuthenticationPrincipal BansoUser user,
                   RedirectAttributes redirect) {
        return errorMessages.attempt(redirect, "redirect:/proposals/" + id, () -> {
            ProposalView after = proposals.respond(new ProposalId(id),
                    ProposalResponse.named(response).orElse(null), reason, user);
            redirect.addFlashAttribute("saved", after.status() == ProposalStatus.ADOPTED ? "proposal.adoptedNotice"
                    : "proposal.answeredNotice");
            return "redirect:/proposals/" + id;
        });
    }

    @PostMapping("/proposals/{id}/amend")
    String amend(@PathVariable UUID id, @RequestParam String title, @RequestParam String body,
                 @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        return errorMessages.attempt(redirect, "redirect:/proposals/" + id, () -> {
            proposals.amend(new ProposalId(id), title, body, null, null, user);
            redirect.addFlashAttribute("saved", "proposal.amendedNotice");
            return "redirect:/proposals/" + id;
        });
    }

    @PostMapping("/proposals/{id}/withdraw")
    String withdraw(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        return errorMessages.attempt(redirect, "redirect:/proposals/" + id, () -> {
            proposals.withdraw(new ProposalId(id), user);
            return "redirect:/proposals/" + id;
        });
    }
}

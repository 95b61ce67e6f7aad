package org.banso.council.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
import org.banso.web.FieldErrorMessages;
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
 * pledge, invitations, proposals) with its consent, establishment, pledge and leaving forms. Every rule and access
 * check is the module's; a refused form comes back with the reason.
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

    CouncilPages(Councils councils, Proposals proposals, Pledges pledges, Invitations invitations,
                 CouncilMemberships memberships, IdentityManagement identity, CouncilNames names,
                 FieldErrorMessages errorMessages, java.time.Clock clock) {
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
    String council(@PathVariable UUID id, @RequestParam(required = false) String draft, Model model,
                   @AuthenticationPrincipal BansoUser user) {
        CouncilId councilId = new CouncilId(id);
        CouncilView council = councils.council(councilId, user);
        CouncilMembership me = memberships.membership(councilId, user.id()).orElse(null);
        boolean competent = me != null && me.role() == ParticipantRole.COMPETENT_MINISTRY;
        // R7: "propose from this draft" prefills the new-proposal form (matter INFORMATION_MANAGEMENT) with the
        // application's draft plan, for those who may propose: pledged participants of an established council
        model.addAttribute("prefillFromDraft", "information-management".equals(draft)
                && council.informationManagementDraft() != null && me != null && me.pledgeSigned()
                && council.status() == CouncilStatus.ESTABLISHED);
        model.addAttribute("council", council);
        model.addAttribute("me", me);
        model.addAttribute("pledge", pledges.pledge(councilId, user));
        model.addAttribute("isConsenter", council.requiredConsenterIds().contains(user.id()));
        model.addAttribute("competent", competent);
        model.addAttribute("invitations", competent ? invitations.invitations(councilId, user) : List.of());
        model.addAttribute("proposals", me != null && me.pledgeSigned() ? proposals.proposals(councilId, user)
                : List.of());
        model.addAttribute("roles", List.of(ParticipantRole.values()).subList(1, ParticipantRole.values().length));
        model.addAttribute("matters", Matter.values());
        model.addAttribute("names", names.of(council));
        model.addAttribute("now", clock.instant());
        return "council/council";
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
                RedirectAttributes redirect) {
        return errorMessages.attempt(redirect, "redirect:/councils/" + id, () -> {
            if (!"true".equals(accept)) {
                throw BansoException.invalid("accept", "Tick the box to accept the pledge.");
            }
            pledges.sign(new CouncilId(id), language, user);
            redirect.addFlashAttribute("saved", "pledge.signedNotice");
            return "redirect:/councils/" + id;
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

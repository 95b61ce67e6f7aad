package org.banso.council.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.banso.council.CouncilId;
import org.banso.council.CouncilManagement;
import org.banso.council.CouncilMemberships;
import org.banso.council.CouncilMembership;
import org.banso.council.CouncilViews.CouncilView;
import org.banso.council.CouncilViews.ParticipantView;
import org.banso.council.CouncilViews.ProposalView;
import org.banso.council.InvitationId;
import org.banso.council.Matter;
import org.banso.council.ParticipantId;
import org.banso.council.ParticipantRole;
import org.banso.council.ProposalId;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.OrganizationKind;
import org.banso.identity.Role;
import org.banso.identity.UserId;
import org.banso.identity.UserView;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.banso.web.FieldErrorMessages;
import org.banso.web.NavigationItem;
import org.banso.web.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The council pages: list and proposal of councils, a council's page (status, consents, participants, pledge,
 * invitations, proposals), a proposal's page (text, revisions, answers), invitations, and the follow-up lists. Every
 * rule and access check is the service's; a refused form comes back with the reason.
 */
@Controller
class CouncilPages {

    private final CouncilManagement councils;
    private final CouncilMemberships memberships;
    private final IdentityManagement identity;
    private final FieldErrorMessages errorMessages;
    private final java.time.Clock clock;

    CouncilPages(CouncilManagement councils, CouncilMemberships memberships, IdentityManagement identity,
                 FieldErrorMessages errorMessages, java.time.Clock clock) {
        this.councils = councils;
        this.memberships = memberships;
        this.identity = identity;
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
            CouncilView council = councils.propose(new CouncilManagement.NewCouncil(name, user.organizationId(),
                    List.of(), ids), user);
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
        // R7: "propose from this draft" prefills the new-proposal form (matter INFORMATION_MANAGEMENT) with the
        // application's draft plan, for those who may propose: pledged participants of an established council
        model.addAttribute("prefillFromDraft", "information-management".equals(draft)
                && council.informationManagementDraft() != null && me != null && me.pledgeSigned()
                && council.status() == org.banso.council.CouncilStatus.ESTABLISHED);
        model.addAttribute("council", council);
        model.addAttribute("me", me);
        model.addAttribute("pledge", councils.pledge(councilId, user));
        model.addAttribute("isConsenter", council.requiredConsenterIds().contains(user.id()));
        model.addAttribute("competent", me != null && me.role() == ParticipantRole.COMPETENT_MINISTRY);
        model.addAttribute("invitations", me != null && me.role() == ParticipantRole.COMPETENT_MINISTRY
                ? councils.invitations(councilId, user) : List.of());
        model.addAttribute("proposals", me != null && me.pledgeSigned() ? councils.proposals(councilId, user)
                : List.of());
        model.addAttribute("roles", List.of(ParticipantRole.values()).subList(1, ParticipantRole.values().length));
        model.addAttribute("matters", Matter.values());
        model.addAttribute("names", names(council));
        model.addAttribute("now", clock.instant());
        return "council/council";
    }

    @PostMapping("/councils/{id}/consents")
    String consent(@PathVariable UUID id, @RequestParam String decision, @AuthenticationPrincipal BansoUser user,
                   RedirectAttributes redirect) {
        return errorMessages.attempt(redirect, "redirect:/councils/" + id, () -> {
            councils.recordConsent(new CouncilId(id), decision, user);
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
            councils.signPledge(new CouncilId(id), language, user);
            redirect.addFlashAttribute("saved", "pledge.signedNotice");
            return "redirect:/councils/" + id;
        });
    }

    @PostMapping("/councils/{id}/pledges/revoke")
    String revoke(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        return errorMessages.attempt(redirect, "redirect:/councils/" + id, () -> {
            councils.revokePledge(new CouncilId(id), user);
            redirect.addFlashAttribute("saved", "pledge.revokedNotice");
            return "redirect:/councils/" + id;
        });
    }

    @PostMapping("/councils/{id}/invitations")
    String invite(@PathVariable UUID id, @RequestParam(required = false) ParticipantRole role,
                  @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        return errorMessages.attempt(redirect, "redirect:/councils/" + id, () -> {
            var invitation = councils.invite(new CouncilId(id), role, user);
            // shown once: only its hash is stored
            redirect.addFlashAttribute("invitationPath", invitation.acceptPath());
            redirect.addFlashAttribute("invitationUrl", org.springframework.web.servlet.support.ServletUriComponentsBuilder
                    .fromCurrentContextPath().path(invitation.acceptPath()).toUriString());
            return "redirect:/councils/" + id + "#invitations";
        });
    }

    @PostMapping("/councils/{id}/invitations/{invitationId}/revoke")
    String revokeInvitation(@PathVariable UUID id, @PathVariable UUID invitationId,
                            @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        return errorMessages.attempt(redirect, "redirect:/councils/" + id, () -> {
            councils.revokeInvitation(new CouncilId(id), new InvitationId(invitationId), user);
            return "redirect:/councils/" + id + "#invitations";
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

    @GetMapping("/invitations/{token}")
    String invitation(@PathVariable String token, Model model, @AuthenticationPrincipal BansoUser user) {
        fillInvitationPage(model, token, user, Map.of(), Map.of());
        return "council/invitation";
    }

    /**
     * Not public (unlike the invitation's page): a signed-out visitor is sent to the login form, and back to the
     * invitation once signed in.
     */
    @GetMapping("/invitations/{token}/login")
    String loginToAccept(@PathVariable String token) {
        return "redirect:/invitations/" + org.springframework.web.util.UriUtils.encodePathSegment(token,
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * R13 for someone without an account: the token is the capability. A refused form comes back with its values and
     * the reason beside each field; success signs the newcomer in and opens the council at its pledge.
     */
    @PostMapping("/invitations/{token}/register")
    String register(@PathVariable String token, @RequestParam Map<String, String> form, Model model,
                    @AuthenticationPrincipal BansoUser user, HttpServletRequest request, HttpServletResponse response,
                    RedirectAttributes redirect) {
        CouncilId council;
        try {
            council = councils.acceptInvitationAsNewcomer(token, new IdentityManagement.Newcomer(
                    new IdentityManagement.NewOrganization(form.get("name"), form.get("nameEn"),
                            CouncilRestController.kind(form.get("kind")), form.get("corporateNumber")),
                    form.get("username"), form.get("displayName"), form.get("email"), form.get("password")));
        } catch (BansoException e) {
            if (e.code() == ProblemCode.NOT_FOUND) {
                throw e;
            }
            Map<String, String> values = new HashMap<>(form);
            values.remove("password");
            values.remove("_csrf");
            fillInvitationPage(model, token, user, values, errorMessages.byField(e));
            return "council/invitation";
        }
        try {
            // a fresh session id before the session becomes signed-in, as the login form does
            if (request.getSession(false) != null) {
                request.changeSessionId();
            }
            request.login(form.get("username").strip(), form.get("password"));
            // and a fresh CSRF token, as the login form's authentication strategy would give
            new HttpSessionCsrfTokenRepository().saveToken(null, request, response);
        } catch (ServletException e) {
            return "redirect:/login?registered";
        }
        redirect.addFlashAttribute("saved", "invitation.registered");
        return "redirect:/councils/" + council + "#pledge";
    }

    private void fillInvitationPage(Model model, String token, BansoUser user, Map<String, String> form,
                                    Map<String, String> errors) {
        var preview = councils.previewInvitation(token)
                .orElseThrow(() -> BansoException.notFound("The invitation"));
        model.addAttribute("invitation", preview);
        model.addAttribute("token", token);
        model.addAttribute("signedIn", user != null);
        model.addAttribute("kinds", java.util.Arrays.stream(OrganizationKind.values())
                .filter(k -> k != OrganizationKind.MINISTRY).toList());
        model.addAttribute("mayRegister", user == null && !preview.role().name().endsWith("_MINISTRY"));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
    }

    @PostMapping("/invitations/{token}/accept")
    String accept(@PathVariable String token, @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        return errorMessages.attempt(redirect, "redirect:/invitations/" + token, () -> {
            CouncilId council = councils.acceptInvitation(token, user);
            redirect.addFlashAttribute("saved", "invitation.joined");
            return "redirect:/councils/" + council + "#pledge";
        });
    }

    @PostMapping("/councils/{id}/proposals")
    String newProposal(@PathVariable UUID id, @RequestParam(required = false) Matter matter,
                       @RequestParam String title, @RequestParam String body,
                       @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        return errorMessages.attempt(redirect, "redirect:/councils/" + id + "#proposals", () -> {
            ProposalView proposal = councils.propose(new CouncilId(id),
                    new CouncilManagement.NewProposal(matter, title, body, null, null), user);
            return "redirect:/proposals/" + proposal.id();
        });
    }

    @GetMapping("/proposals/{id}")
    String proposal(@PathVariable UUID id, Model model, @AuthenticationPrincipal BansoUser user) {
        ProposalView proposal = councils.proposal(new ProposalId(id), user);
        CouncilView council = councils.council(proposal.councilId(), user);
        CouncilMembership me = memberships.membership(proposal.councilId(), user.id()).orElseThrow();
        model.addAttribute("proposal", proposal);
        model.addAttribute("council", council);
        model.addAttribute("me", me);
        model.addAttribute("names", names(council));
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
            ProposalView after = councils.respond(new ProposalId(id), response, reason, user);
            redirect.addFlashAttribute("saved", "ADOPTED".equals(after.status().name()) ? "proposal.adoptedNotice"
                    : "proposal.answeredNotice");
            return "redirect:/proposals/" + id;
        });
    }

    @PostMapping("/proposals/{id}/amend")
    String amend(@PathVariable UUID id, @RequestParam String title, @RequestParam String body,
                 @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        return errorMessages.attempt(redirect, "redirect:/proposals/" + id, () -> {
            councils.amend(new ProposalId(id), title, body, null, user);
            redirect.addFlashAttribute("saved", "proposal.amendedNotice");
            return "redirect:/proposals/" + id;
        });
    }

    @PostMapping("/proposals/{id}/withdraw")
    String withdraw(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        return errorMessages.attempt(redirect, "redirect:/proposals/" + id, () -> {
            councils.withdraw(new ProposalId(id), user);
            return "redirect:/proposals/" + id;
        });
    }

    @GetMapping("/councils/{id}/follow-up")
    String followUp(@PathVariable UUID id, Model model, @AuthenticationPrincipal BansoUser user) {
        CouncilId councilId = new CouncilId(id);
        CouncilView council = councils.council(councilId, user);
        model.addAttribute("council", council);
        model.addAttribute("meetings", councils.meetings(councilId, user));
        model.addAttribute("tasks", councils.tasks(councilId, user));
        model.addAttribute("materials", councils.materialRequests(councilId, user));
        model.addAttribute("names", names(council));
        CouncilMembership me = memberships.membership(councilId, user.id()).orElseThrow();
        model.addAttribute("me", me);
        model.addAttribute("competent", me.role() == ParticipantRole.COMPETENT_MINISTRY);
        model.addAttribute("adopted", councils.proposals(councilId, user).stream()
                .filter(p -> p.status() == org.banso.council.ProposalStatus.ADOPTED).toList());
        model.addAttribute("ministries", council.participants().stream()
                .filter(p -> p.role().name().endsWith("_MINISTRY")).toList());
        model.addAttribute("matters", Matter.values());
        return "council/follow-up";
    }

    @PostMapping("/councils/{id}/meetings")
    String scheduleMeeting(@PathVariable UUID id, @RequestParam Map<String, String> form,
                           @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        String back = "redirect:/councils/" + id + "/follow-up";
        return errorMessages.attempt(redirect, back, () -> {
            List<org.banso.council.CouncilViews.AgendaItem> agenda = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                String title = form.get("agendaTitle" + i);
                if (title != null && !title.isBlank()) {
                    agenda.add(new org.banso.council.CouncilViews.AgendaItem(
                            parse(form.get("agendaMatter" + i), Matter::valueOf), title, null));
                }
            }
            councils.scheduleMeeting(new CouncilId(id), new CouncilManagement.NewMeeting(form.get("title"),
                    japanTime(form.get("startsAt")), japanTime(form.get("endsAt")), form.get("place"),
                    form.get("link"), agenda), user);
            redirect.addFlashAttribute("saved", "followup.saved");
            return back;
        });
    }

    @PostMapping("/councils/{id}/tasks")
    String createTask(@PathVariable UUID id, @RequestParam Map<String, String> form,
                      @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        String back = "redirect:/councils/" + id + "/follow-up";
        return errorMessages.attempt(redirect, back, () -> {
            String kind = form.get("kind");
            boolean action = "ACTION_ITEM".equals(kind);
            UUID proposal = parse(form.get("proposalId"), UUID::fromString);
            UUID assignee = parse(form.get("assigneeParticipantId"), UUID::fromString);
            UUID ministry = parse(form.get("responsibleMinistryId"), UUID::fromString);
            councils.createTask(new CouncilId(id), new CouncilManagement.NewTask(kind,
                    action && proposal != null ? new ProposalId(proposal) : null,
                    action && assignee != null ? new ParticipantId(assignee) : null,
                    !action && ministry != null ? new OrganizationId(ministry) : null, form.get("title"),
                    form.get("description"), parse(form.get("dueDate"), java.time.LocalDate::parse)), user);
            redirect.addFlashAttribute("saved", "followup.saved");
            return back;
        });
    }

    @PostMapping("/tasks/{taskId}/done")
    String taskDone(@PathVariable UUID taskId, @RequestParam UUID council, @AuthenticationPrincipal BansoUser user,
                    RedirectAttributes redirect) {
        String back = "redirect:/councils/" + council + "/follow-up";
        return errorMessages.attempt(redirect, back, () -> {
            councils.completeTask(new org.banso.council.TaskId(taskId), user);
            redirect.addFlashAttribute("saved", "followup.saved");
            return back;
        });
    }

    @PostMapping("/councils/{id}/material-requests")
    String requestMaterials(@PathVariable UUID id, @RequestParam Map<String, String> form,
                            @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        String back = "redirect:/councils/" + id + "/follow-up";
        return errorMessages.attempt(redirect, back, () -> {
            UUID addressee = parse(form.get("addresseeParticipantId"), UUID::fromString);
            councils.requestMaterials(new CouncilId(id), new CouncilManagement.NewMaterialRequest(
                    addressee == null ? null : new ParticipantId(addressee), form.get("title"),
                    form.get("description"), parse(form.get("dueDate"), java.time.LocalDate::parse)), user);
            redirect.addFlashAttribute("saved", "followup.saved");
            return back;
        });
    }

    @PostMapping("/material-requests/{requestId}/answer")
    String answerMaterials(@PathVariable UUID requestId, @RequestParam UUID council,
                           @RequestParam Map<String, String> form, @AuthenticationPrincipal BansoUser user,
                           RedirectAttributes redirect) {
        String back = "redirect:/councils/" + council + "/follow-up";
        return errorMessages.attempt(redirect, back, () -> {
            org.banso.council.MaterialRequestId request = new org.banso.council.MaterialRequestId(requestId);
            if ("decline".equals(form.get("action"))) {
                councils.decline(request, form.get("reason"), user);
            } else {
                List<UUID> items = new ArrayList<>();
                for (String item : (form.getOrDefault("itemIds", "")).split("[\\s,]+")) {
                    if (!item.isBlank()) {
                        UUID parsed = parse(item, UUID::fromString);
                        if (parsed == null) {
                            throw BansoException.invalid("itemIds", "Give information item ids.");
                        }
                        items.add(parsed);
                    }
                }
                councils.fulfil(request, items, user);
            }
            redirect.addFlashAttribute("saved", "followup.saved");
            return back;
        });
    }

    private static java.time.Instant japanTime(String local) {
        java.time.LocalDateTime time = parse(local, java.time.LocalDateTime::parse);
        return time == null ? null : time.atZone(java.time.ZoneId.of("Asia/Tokyo")).toInstant();
    }

    private static <T> T parse(String value, java.util.function.Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Display names of the people and organizations a council page mentions. */
    private Map<String, String> names(CouncilView council) {
        Map<String, String> names = new HashMap<>();
        Set<UserId> users = new LinkedHashSet<>(council.requiredConsenterIds());
        council.participants().forEach(p -> users.addAll(p.memberIds()));
        council.consents().forEach(c -> users.add(c.userId()));
        for (UserId user : users) {
            identity.user(user).ifPresent(u -> names.put(u.id().toString(), u.displayName()));
        }
        for (ParticipantView p : council.participants()) {
            identity.organization(p.organizationId()).ifPresent(o -> {
                names.put(o.id().toString(), o.name());
                names.put(o.id() + ".en", o.nameEn());
                names.put(p.id().toString(), o.name());
                names.put(p.id() + ".en", o.nameEn());
            });
        }
        identity.organization(council.competentMinistryId()).ifPresent(o -> {
            names.put(o.id().toString(), o.name());
            names.put(o.id() + ".en", o.nameEn());
        });
        return names;
    }

    @Configuration(proxyBeanMethods = false)
    static class CouncilNavigation {

        @Bean
        NavigationItem councilsNavigation() {
            return new NavigationItem("nav.councils", "/councils", 40, NavigationItem.SIGNED_IN);
        }

        /**
         * R13: an invitation's page and its registration form are open to someone without an account; the token is
         * the capability, checked by the service.
         */
        @Bean
        PublicEndpoints councilPublicEndpoints() {
            return new PublicEndpoints() {
                @Override
                public List<String> publicGetPaths() {
                    return List.of("/invitations/*");
                }

                @Override
                public List<String> publicPostPaths() {
                    return List.of("/invitations/*/register", "/api/v1/invitations/*/register");
                }
            };
        }
    }
}

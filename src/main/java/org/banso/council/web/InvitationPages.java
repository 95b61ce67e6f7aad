package org.banso.council.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.banso.council.CouncilId;
import org.banso.council.CouncilViews.InvitationPreview;
import org.banso.council.CouncilViews.InvitationView;
import org.banso.council.InvitationId;
import org.banso.council.InvitationState;
import org.banso.council.Invitations;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationKind;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.banso.council.web.CouncilForms.RegistrationForm;
import org.banso.web.FieldErrorMessages;
import org.banso.web.Forms;
import org.banso.web.Confirmation;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Invitations in the pages (R13): the competent ministry makes and revokes them on the council page; the invitee opens
 * the link, and joins signed in or registers a new organization and account. A used link shows the same page as an
 * unknown one.
 */
@Controller
class InvitationPages {

    private final Invitations invitations;
    private final FieldErrorMessages errorMessages;
    private final IdentityManagement identity;

    InvitationPages(Invitations invitations, FieldErrorMessages errorMessages, IdentityManagement identity) {
        this.identity = identity;
        this.invitations = invitations;
        this.errorMessages = errorMessages;
    }

    /**
     * Revoking makes the link unusable for good, so it is first confirmed on a page naming the invitee (or saying the
     * link named nobody) and the role; the result names them too.
     */
    @PostMapping("/councils/{id}/invitations/{invitationId}/revoke")
    String revoke(@PathVariable UUID id, @PathVariable UUID invitationId,
                  @RequestParam(name = Confirmation.CONFIRMED, required = false) String confirmed,
                  HttpServletRequest request, Model model, @AuthenticationPrincipal BansoUser user,
                  RedirectAttributes redirect) {
        CouncilId council = new CouncilId(id);
        InvitationView invitation = invitations.invitations(council, user).stream()
                .filter(i -> i.id().value().equals(invitationId)).findFirst()
                .orElseThrow(() -> BansoException.notFound("The invitation"));
        MessageSourceResolvable role = Forms.text("participant.role." + invitation.role().name());
        MessageSourceResolvable invitee = invitation.invitee() == null ? Forms.text("invitation.confirm.revoke.nobody")
                : Forms.text("invitation.confirm.revoke.invitee", invitation.invitee().name(),
                invitation.invitee().organization(), invitation.invitee().email());
        if (!Confirmation.confirmed(confirmed) && invitation.state() == InvitationState.OPEN) {
            model.addAttribute("confirmation", new Confirmation(Forms.text("invitation.confirm.revoke.title"),
                    Forms.text("invitation.confirm.revoke.what", role),
                    invitee, Forms.text("invitation.confirm.revoke.irreversible"),
                    "/councils/" + id + "/invitations/" + invitationId + "/revoke",
                    Confirmation.values(request.getParameterMap()), Forms.text("invitation.confirm.revoke.submit"),
                    "/councils/" + id + "#invitations"));
            return Confirmation.VIEW;
        }
        return errorMessages.attempt(redirect, "redirect:/councils/" + id, () -> {
            invitations.revoke(council, new InvitationId(invitationId), user);
            redirect.addFlashAttribute("savedText", Forms.text("invitation.revokedNotice", invitee, role));
            return "redirect:/councils/" + id + "#invitations";
        });
    }

    @GetMapping("/invitations/{token}")
    String invitation(@PathVariable String token, Model model, @AuthenticationPrincipal BansoUser user) {
        fillInvitationPage(model, token, user);
        return "council/invitation";
    }

    /**
     * Not public (unlike the invitation's page): a signed-out visitor is sent to the login form, and back to the
     * invitation once signed in.
     */
    @GetMapping("/invitations/{token}/login")
    String loginToAccept(@PathVariable String token) {
        return "redirect:/invitations/" + UriUtils.encodePathSegment(token, StandardCharsets.UTF_8);
    }

    /**
     * R13 for someone without an account: the token is the capability. The fields' shape is checked first (Bean
     * Validation, then identity's own format rules, which look nothing up), and only a form in good shape is sent to
     * the council module, which counts refused attempts on the invitation. A refused form comes back with what was
     * typed (the password excepted) and each message by its field; success signs the newcomer in and opens the
     * council at its pledge.
     */
    @PostMapping("/invitations/{token}/register")
    String register(@PathVariable String token, @Valid @ModelAttribute("registrationForm") RegistrationForm form,
                    BindingResult binding, Model model, @AuthenticationPrincipal BansoUser user,
                    HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        invitations.preview(token).orElseThrow(() -> BansoException.notFound("The invitation"));
        RegistrationForm typed = Forms.typed(form, RegistrationForm.class, binding, model);
        // identity's format rules name the mistakes Bean Validation cannot see (check digit, username, password)
        List<BansoException.FieldError> shape = identity.newcomerFormProblems(typed.newcomer()).stream()
                .filter(problem -> !binding.hasFieldErrors(formField(problem.field()))).toList();
        if (!shape.isEmpty()) {
            onForm(new BansoException(ProblemCode.VALIDATION_FAILED, "The request is not valid.", shape))
                    .into(binding);
        }
        return Forms.submit(binding, () -> signIn(invitations.register(token, typed.newcomer()), typed, request,
                response, redirect), InvitationPages::onForm, () -> {
            fillInvitationPage(model, token, user);
            return "council/invitation";
        });
    }

    /** The newcomer, registered and joined, is signed in and goes on to the council's pledge. */
    private static String signIn(CouncilId council, RegistrationForm typed, HttpServletRequest request,
                                 HttpServletResponse response, RedirectAttributes redirect) {
        try {
            // a fresh session id before the session becomes signed-in, as the login form does
            if (request.getSession(false) != null) {
                request.changeSessionId();
            }
            request.login(typed.username().strip(), typed.password());
            // and a fresh CSRF token, as the login form's authentication strategy would give
            new HttpSessionCsrfTokenRepository().saveToken(null, request, response);
        } catch (ServletException e) {
            return "redirect:/login?registered";
        }
        AfterPledge.joined(request.getSession(), council);
        redirect.addFlashAttribute("saved", "invitation.registered");
        return "redirect:/councils/" + council + "#pledge";
    }

    /** A refusal onto the registration form, identity's organisation fields named as the form names them. */
    private static Forms.Refusal onForm(BansoException refusal) {
        Forms.Refusal onForm = Forms.refusal(refusal);
        for (String field : List.of("name", "nameEn", "kind", "corporateNumber")) {
            onForm.rename("organization." + field, field);
        }
        return onForm;
    }

    /** The form's field for a field identity names ({@code organization.name} → {@code name}). */
    private static String formField(String field) {
        return field.startsWith("organization.") ? field.substring("organization.".length()) : field;
    }

    /** An unknown or used token: {@code not-found}, the same page for both. */
    private void fillInvitationPage(Model model, String token, BansoUser user) {
        InvitationPreview preview = invitations.preview(token)
                .orElseThrow(() -> BansoException.notFound("The invitation"));
        model.addAttribute("invitation", preview);
        model.addAttribute("token", token);
        model.addAttribute("signedIn", user != null);
        boolean open = preview.role() != null;
        model.addAttribute("kinds", open ? Arrays.stream(OrganizationKind.values())
                .filter(k -> preview.role().invites(k)).toList() : List.of());
        model.addAttribute("mayRegister", open && user == null && !preview.role().isMinistry());
        if (!model.containsAttribute("registrationForm")) {
            model.addAttribute("registrationForm", RegistrationForm.empty());
        }
    }

    @PostMapping("/invitations/{token}/accept")
    String accept(@PathVariable String token, @AuthenticationPrincipal BansoUser user, HttpSession session,
                  RedirectAttributes redirect) {
        return errorMessages.attempt(redirect, "redirect:/invitations/" + token, () -> {
            CouncilId council = invitations.accept(token, user);
            AfterPledge.joined(session, council);
            redirect.addFlashAttribute("saved", "invitation.joined");
            return "redirect:/councils/" + council + "#pledge";
        });
    }
}

package org.banso.council.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
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
import org.banso.web.Confirmation;
import org.banso.web.FieldErrorMessages;
import org.banso.web.Forms;
import org.banso.web.PublicBaseUrl;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

    private final PublicBaseUrl publicBaseUrl;

    InvitationPages(Invitations invitations, FieldErrorMessages errorMessages, PublicBaseUrl publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
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
        fillInvitationPage(model, token, user, Map.of(), Map.of());
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
     * R13 for someone without an account: the token is the capability. A refused form comes back with its values and
     * the reason beside each field; success signs the newcomer in and opens the council at its pledge.
     */
    @PostMapping("/invitations/{token}/register")
    String register(@PathVariable String token, @RequestParam Map<String, String> form, Model model,
                    @AuthenticationPrincipal BansoUser user, HttpServletRequest request, HttpServletResponse response,
                    RedirectAttributes redirect) {
        CouncilId council;
        try {
            council = invitations.register(token, new IdentityManagement.Newcomer(
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
        AfterPledge.joined(request.getSession(), council);
        redirect.addFlashAttribute("saved", "invitation.registered");
        return "redirect:/councils/" + council + "#pledge";
    }

    /** An unknown or used token: {@code not-found}, the same page for both. */
    private void fillInvitationPage(Model model, String token, BansoUser user, Map<String, String> form,
                                    Map<String, String> errors) {
        InvitationPreview preview = invitations.preview(token)
                .orElseThrow(() -> BansoException.notFound("The invitation"));
        model.addAttribute("invitation", preview);
        model.addAttribute("token", token);
        model.addAttribute("signedIn", user != null);
        boolean open = preview.role() != null;
        model.addAttribute("kinds", open ? Arrays.stream(OrganizationKind.values())
                .filter(k -> preview.role().invites(k)).toList() : List.of());
        model.addAttribute("mayRegister", open && user == null && !preview.role().isMinistry());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
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

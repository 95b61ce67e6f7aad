package org.banso.identity.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.banso.identity.BansoUser;
import org.banso.identity.internal.AccountSecurity;
import org.banso.identity.internal.ClientAddress;
import org.banso.identity.internal.IdentityService;
import org.banso.identity.internal.PageSessions;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.banso.web.FieldErrorMessages;
import org.springframework.http.CacheControl;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in person's own account (linked beside their name in the header): the password (rules are the
 * service's; the page keeps this session going after a change), and (issue 18) the second factor (authenticator app
 * and recovery codes), passkeys, linked OIDC providers, page sessions with "sign out everywhere"; and the
 * second-factor page a sign-in or step-up lands on. Changing factors needs a fresh second factor; the page sends the
 * person to confirm first and back.
 */
@Controller
class AccountPages {

    private final AccountSecurity account;
    private final IdentityService identity;
    private final FieldErrorMessages errorMessages;

    AccountPages(AccountSecurity account, IdentityService identity, FieldErrorMessages errorMessages) {
        this.account = account;
        this.identity = identity;
        this.errorMessages = errorMessages;
    }

    @GetMapping("/account/password")
    String passwordForm(Model model) {
        model.addAttribute("errors", Map.of());
        return "identity/password";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam(required = false) String currentPassword,
                          @RequestParam(required = false) String newPassword,
                          @RequestParam(required = false) String confirmPassword,
                          @AuthenticationPrincipal BansoUser user, Model model, HttpServletRequest request,
                          HttpServletResponse response, RedirectAttributes redirect) {
        if (newPassword != null && !newPassword.equals(confirmPassword)) {
            model.addAttribute("errors", Map.of("confirmPassword",
                    errorMessages.byField(BansoException.invalidCoded("confirmPassword", "password-confirm",
                            "does not match the new password")).get("confirmPassword")));
            return "identity/password";
        }
        try {
            int version = identity.changePassword(user, currentPassword, newPassword, ClientAddress.current(request));
            PageSessions.continueAfterPasswordChange(request, response, user, version);
            account.endOtherSessions(user, request);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/account/password";
        } catch (BansoException e) {
            model.addAttribute("errors", errorMessages.byField(e));
            return "identity/password";
        }
    }

    @GetMapping("/login/second-factor")
    String secondFactor(@AuthenticationPrincipal BansoUser user, Model model, HttpServletResponse response) {
        noStore(response);
        model.addAttribute("factors", account.factors(user));
        return "identity/second-factor";
    }

    @GetMapping("/account")
    String overview(@AuthenticationPrincipal BansoUser user, Model model, HttpServletRequest request) {
        model.addAttribute("overview", account.overview(user, request));
        return "identity/account";
    }

    /** Asks for a fresh second factor (the exception handler sends the person there) and comes back. */
    @GetMapping("/account/confirm")
    String confirm() {
        account.requireMayChange();
        return "redirect:/account";
    }

    @PostMapping("/account/second-factor/totp")
    String beginTotp(@AuthenticationPrincipal BansoUser user) {
        account.beginTotp(user);
        return "redirect:/account/second-factor/totp";
    }

    @GetMapping("/account/second-factor/totp")
    String totpSetup(@AuthenticationPrincipal BansoUser user, Model model, HttpServletResponse response) {
        noStore(response);
        account.requireMayChange();
        Optional<?> pending = account.pendingTotp(user);
        if (pending.isEmpty()) {
            return "redirect:/account";
        }
        model.addAttribute("enrolment", pending.get());
        return "identity/totp-setup";
    }

    @PostMapping("/account/second-factor/totp/confirm")
    String confirmTotp(@AuthenticationPrincipal BansoUser user, @RequestParam(required = false) String code,
                       Model model, HttpServletRequest request, HttpServletResponse response,
                       RedirectAttributes redirect) {
        noStore(response);
        Optional<List<String>> codes = account.confirmTotp(user, code, request, response);
        if (codes.isEmpty()) {
            redirect.addFlashAttribute("wrongCode", true);
            return "redirect:/account/second-factor/totp";
        }
        model.addAttribute("codes", codes.get());
        model.addAttribute("enrolled", true);
        return "identity/recovery-codes";
    }

    @PostMapping("/account/second-factor/totp/remove")
    String removeTotp(@AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        return refusalsShown(redirect, () -> {
            account.removeTotp(user);
            redirect.addFlashAttribute("saved", "account.totp.removed");
        });
    }

    @PostMapping("/account/second-factor/recovery-codes")
    String recoveryCodes(@AuthenticationPrincipal BansoUser user, Model model, HttpServletResponse response) {
        noStore(response);
        model.addAttribute("codes", account.regenerateRecoveryCodes(user));
        model.addAttribute("enrolled", false);
        return "identity/recovery-codes";
    }

    @PostMapping("/account/passkeys/{id}/revoke")
    String revokePasskey(@AuthenticationPrincipal BansoUser user, @PathVariable String id,
                         RedirectAttributes redirect) {
        return refusalsShown(redirect, () -> {
            if (!account.revokePasskey(user, id)) {
                throw BansoException.notFound("The passkey");
            }
            redirect.addFlashAttribute("saved", "account.passkey.revoked");
        });
    }

    @PostMapping("/account/oidc/{id}/unlink")
    String unlink(@AuthenticationPrincipal BansoUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        if (!account.unlink(user, id)) {
            throw BansoException.notFound("The link");
        }
        redirect.addFlashAttribute("saved", "account.oidc.unlinked");
        return "redirect:/account";
    }

    @PostMapping("/account/sessions/{id}/end")
    String endSession(@AuthenticationPrincipal BansoUser user, @PathVariable UUID id, HttpServletRequest request,
                      RedirectAttributes redirect) {
        if (account.endSessions(user, id, request)) {
            return "redirect:/login?ended";
        }
        redirect.addFlashAttribute("saved", "account.session.ended");
        return "redirect:/account";
    }

    @PostMapping("/account/sessions/end-all")
    String endAll(@AuthenticationPrincipal BansoUser user, HttpServletRequest request) {
        account.endSessions(user, null, request);
        return "redirect:/login?ended";
    }

    /** A refusal that is not a step-up (e.g. removing the last factor) is shown on the account page. */
    private static String refusalsShown(RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
        } catch (BansoException e) {
            if (e.code() != ProblemCode.CONFLICT) {
                throw e;
            }
            redirect.addFlashAttribute("refused", "account.lastFactor");
        }
        return "redirect:/account";
    }

    private static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
    }
}

package org.banso.identity.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.banso.identity.BansoUser;
import org.banso.identity.internal.AccountSecurity;
import org.banso.identity.internal.ClientAddress;
import org.banso.identity.internal.IdentityService;
import org.banso.identity.internal.PageSessions;
import org.banso.identity.internal.SessionToKeep;
import org.banso.identity.web.AdminForms.PasswordForm;
import org.banso.identity.web.AdminForms.TotpCodeForm;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.banso.web.Confirmation;
import org.banso.web.Forms;
import org.springframework.http.CacheControl;
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

    AccountPages(AccountSecurity account, IdentityService identity) {
        this.account = account;
        this.identity = identity;
    }

    @GetMapping("/account/password")
    String passwordForm(Model model) {
        model.addAttribute("passwordForm", PasswordForm.empty());
        return "identity/password";
    }

    /** Passwords never come back to the page: a form sent back for correction has its fields empty. */
    @PostMapping("/account/password")
    String changePassword(@Valid @ModelAttribute("passwordForm") PasswordForm form, BindingResult errors,
                          @AuthenticationPrincipal BansoUser user, Model model, HttpServletRequest request,
                          HttpServletResponse response, RedirectAttributes redirect) {
        if (!errors.hasFieldErrors("newPassword") && !errors.hasFieldErrors("confirmPassword")
                && !form.newPassword().equals(form.confirmPassword())) {
            errors.rejectValue("confirmPassword", "validation.password-confirm", "does not match the new password");
        }
        return Forms.submit(errors, () -> {
            int version = identity.changePassword(user, form.currentPassword(), form.newPassword(),
                    ClientAddress.current(request), SessionToKeep.of(request));
            PageSessions.continueAfterPasswordChange(request, response, user, version);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/account/password";
        }, () -> "identity/password");
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
        return totpSetupPage(user, model);
    }

    /** A code of the wrong shape or not the app's comes back on the set-up page, beside the code field. */
    @PostMapping("/account/second-factor/totp/confirm")
    String confirmTotp(@AuthenticationPrincipal BansoUser user,
                       @Valid @ModelAttribute("totpCodeForm") TotpCodeForm form, BindingResult errors,
                       Model model, HttpServletRequest request, HttpServletResponse response) {
        noStore(response);
        if (!errors.hasErrors()) {
            Optional<List<String>> codes = account.confirmTotp(user, form.code(), request, response);
            if (codes.isPresent()) {
                model.addAttribute("codes", codes.get());
                model.addAttribute("enrolled", true);
                return "identity/recovery-codes";
            }
            errors.rejectValue("code", "totp.wrong", "The code is not correct.");
        }
        return totpSetupPage(user, model);
    }

    /**
     * The set-up page of the pending enrolment (a fresh second factor is needed to change factors); without one,
     * the account page.
     */
    private String totpSetupPage(BansoUser user, Model model) {
        account.requireMayChange();
        Optional<?> pending = account.pendingTotp(user);
        if (pending.isEmpty()) {
            return "redirect:/account";
        }
        model.addAttribute("enrolment", pending.get());
        return "identity/totp-setup";
    }

    /** Removing the app is confirmed first: signing in then needs a passkey or the password alone. */
    @PostMapping("/account/second-factor/totp/remove")
    String removeTotp(@AuthenticationPrincipal BansoUser user,
                      @RequestParam(name = Confirmation.CONFIRMED, required = false) String confirmed,
                      HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (!Confirmation.confirmed(confirmed)) {
            account.requireMayChange();
            return confirm(model, request, "totp", "/account/second-factor/totp/remove", user.displayName());
        }
        return refusalsShown(redirect, () -> {
            account.removeTotp(user);
            redirect.addFlashAttribute("saved", "account.totp.removed");
        });
    }

    /** New recovery codes end the old ones at once, so the page asks first. */
    @PostMapping("/account/second-factor/recovery-codes")
    String recoveryCodes(@AuthenticationPrincipal BansoUser user,
                         @RequestParam(name = Confirmation.CONFIRMED, required = false) String confirmed,
                         HttpServletRequest request, Model model, HttpServletResponse response) {
        noStore(response);
        if (!Confirmation.confirmed(confirmed)) {
            account.requireMayChange();
            return confirm(model, request, "recovery", "/account/second-factor/recovery-codes", user.displayName());
        }
        model.addAttribute("codes", account.regenerateRecoveryCodes(user));
        model.addAttribute("enrolled", false);
        return "identity/recovery-codes";
    }

    @PostMapping("/account/passkeys/{id}/revoke")
    String revokePasskey(@AuthenticationPrincipal BansoUser user, @PathVariable String id,
                         @RequestParam(name = Confirmation.CONFIRMED, required = false) String confirmed,
                         HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (!Confirmation.confirmed(confirmed)) {
            account.requireMayChange();
            String label = account.passkeyLabel(user, id)
                    .orElseThrow(() -> BansoException.notFound("The passkey"));
            return confirm(model, request, "passkey", "/account/passkeys/" + id + "/revoke", label);
        }
        return refusalsShown(redirect, () -> {
            if (!account.revokePasskey(user, id)) {
                throw BansoException.notFound("The passkey");
            }
            redirect.addFlashAttribute("saved", "account.passkey.revoked");
        });
    }

    @PostMapping("/account/oidc/{id}/unlink")
    String unlink(@AuthenticationPrincipal BansoUser user, @PathVariable UUID id,
                  @RequestParam(name = Confirmation.CONFIRMED, required = false) String confirmed,
                  HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (!Confirmation.confirmed(confirmed)) {
            account.requireMayChange();
            String provider = account.linkProviderName(user, id)
                    .orElseThrow(() -> BansoException.notFound("The link"));
            return confirm(model, request, "oidc", "/account/oidc/" + id + "/unlink", provider);
        }
        if (!account.unlink(user, id)) {
            throw BansoException.notFound("The link");
        }
        redirect.addFlashAttribute("saved", "account.oidc.unlinked");
        return "redirect:/account";
    }

    @PostMapping("/account/sessions/{id}/end")
    String endSession(@AuthenticationPrincipal BansoUser user, @PathVariable UUID id,
                      @RequestParam(name = Confirmation.CONFIRMED, required = false) String confirmed,
                      HttpServletRequest request, Model model, RedirectAttributes redirect) {
        if (!Confirmation.confirmed(confirmed)) {
            String device = account.sessionDevice(user, id)
                    .orElseThrow(() -> BansoException.notFound("The session"));
            return confirm(model, request, "session", "/account/sessions/" + id + "/end", device);
        }
        if (account.endSessions(user, id, request)) {
            return "redirect:/login?ended";
        }
        redirect.addFlashAttribute("saved", "account.session.ended");
        return "redirect:/account";
    }

    @PostMapping("/account/sessions/end-all")
    String endAll(@AuthenticationPrincipal BansoUser user,
                  @RequestParam(name = Confirmation.CONFIRMED, required = false) String confirmed,
                  HttpServletRequest request, Model model) {
        if (!Confirmation.confirmed(confirmed)) {
            return confirm(model, request, "sessions", "/account/sessions/end-all", user.displayName());
        }
        account.endSessions(user, null, request);
        return "redirect:/login?ended";
    }

    /** The confirmation of an account change {@code kind}, worded from {@code account.confirm.<kind>.*}. */
    private static String confirm(Model model, HttpServletRequest request, String kind, String action,
                                  String name) {
        String key = "account.confirm." + kind;
        model.addAttribute("confirmation", new Confirmation(Forms.text(key + ".title"), Forms.text(key + ".what", name),
                Forms.text(key + ".whom", name), Forms.text(key + ".irreversible"), action,
                Confirmation.values(request.getParameterMap()), Forms.text(key + ".submit", name), "/account"));
        return Confirmation.VIEW;
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

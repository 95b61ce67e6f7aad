package org.banso.identity.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.banso.identity.BansoUser;
import org.banso.identity.internal.ClientAddress;
import org.banso.identity.internal.IdentityService;
import org.banso.identity.internal.PageSessions;
import org.banso.shared.BansoException;
import org.banso.web.FieldErrorMessages;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's own password (linked beside their name in the header). Rules are the service's; the page keeps this session going after a change. */
@Controller
class AccountPages {

    private final IdentityService identity;
    private final FieldErrorMessages errorMessages;

    AccountPages(IdentityService identity, FieldErrorMessages errorMessages) {
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
            redirect.addFlashAttribute("saved", true);
            return "redirect:/account/password";
        } catch (BansoException e) {
            model.addAttribute("errors", errorMessages.byField(e));
            return "identity/password";
        }
    }
}

package org.banso.notification.web;

import java.util.UUID;

import org.banso.identity.BansoUser;
import org.banso.notification.Outbox;
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

/** The e-mail outbox page for administrators: the mails kept locally when no mail host is set, or their sending. */
@Controller
class OutboxPages {

    private final Outbox outbox;
    private final FieldErrorMessages errorMessages;

    OutboxPages(Outbox outbox, FieldErrorMessages errorMessages) {
        this.outbox = outbox;
        this.errorMessages = errorMessages;
    }

    @GetMapping("/admin/outbox")
    String outbox(@AuthenticationPrincipal BansoUser user, @RequestParam(defaultValue = "0") int page, Model model) {
        if (page < 0) {
            throw BansoException.notFound("The page");
        }
        var mails = outbox.mails(user, page);
        model.addAttribute("mails", mails);
        model.addAttribute("sendsMail", outbox.sendsMail());
        model.addAttribute("page", page);
        model.addAttribute("hasNext", mails.size() >= Outbox.PAGE_SIZE);
        return "notification/outbox";
    }

    @PostMapping("/admin/outbox/{id}/retry")
    String retry(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        return errorMessages.attempt(redirect, "redirect:/admin/outbox", () -> {
            outbox.retry(id, user);
            redirect.addFlashAttribute("retried", true);
            return "redirect:/admin/outbox";
        });
    }
}

package org.banso.notification.web;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.banso.identity.BansoUser;
import org.banso.notification.EmailMode;
import org.banso.notification.MyWork;
import org.banso.notification.NotificationKind;
import org.banso.notification.Notifications;
import org.banso.notification.Notifications.NotificationView;
import org.banso.shared.BansoException;
import org.banso.web.Forms;
import org.banso.web.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
 * The person's pages (issue 16): "My work" (the home page of a signed-in person), the notifications with read and
 * unread, and the notification settings (language, e-mail per kind).
 */
@Controller
class NotificationPages {

    private final Notifications notifications;
    private final MyWork work;

    NotificationPages(Notifications notifications, MyWork work) {
        this.notifications = notifications;
        this.work = work;
    }

    @GetMapping("/work")
    String work(@AuthenticationPrincipal BansoUser user, Model model) {
        model.addAttribute("work", work.of(user));
        model.addAttribute("unread", notifications.unreadCount(user));
        return "notification/work";
    }

    @GetMapping("/notifications")
    String notifications(@AuthenticationPrincipal BansoUser user, @RequestParam(defaultValue = "0") int page,
                         Model model) {
        if (page < 0) {
            throw BansoException.notFound("The page");
        }
        var list = notifications.notifications(user, page);
        model.addAttribute("notifications", list);
        model.addAttribute("unread", notifications.unreadCount(user));
        model.addAttribute("page", page);
        model.addAttribute("hasNext", list.size() >= Notifications.PAGE_SIZE);
        return "notification/list";
    }

    /** Marks the notification read and leads to the page where the thing is done (the e-mail's link, too). */
    @GetMapping("/notifications/{id}/open")
    String open(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        NotificationView n = notifications.open(id, user);
        return "redirect:" + n.path();
    }

    @PostMapping("/notifications/read-all")
    String readAll(@AuthenticationPrincipal BansoUser user, RedirectAttributes redirect) {
        int marked = notifications.markAllRead(user);
        redirect.addFlashAttribute("markedRead", marked);
        return "redirect:/notifications";
    }

    @GetMapping("/settings/notifications")
    String settings(@AuthenticationPrincipal BansoUser user, Model model) {
        Notifications.Settings settings = notifications.settings(user);
        SettingsForm form = new SettingsForm(settings.language(), names(settings.emailModes()));
        fill(model, form);
        return "notification/settings";
    }

    /** A form that keeps what was chosen and shows each refusal beside its field, in the page's language. */
    @PostMapping("/settings/notifications")
    String saveSettings(@AuthenticationPrincipal BansoUser user, @Valid @ModelAttribute("settingsForm") SettingsForm form,
                        BindingResult binding, Model model, RedirectAttributes redirect) {
        if (!binding.hasErrors()) {
            try {
                notifications.updateSettings(form.settings(), user);
                redirect.addFlashAttribute("saved", true);
                return "redirect:/settings/notifications";
            } catch (BansoException e) {
                Forms.Refusal refusal = Forms.refusal(e);
                e.errors().stream().map(BansoException.FieldError::field)
                        .filter(f -> f != null && f.startsWith("emailModes."))
                        .forEach(f -> refusal.rename(f, "modes[" + f.substring("emailModes.".length()) + "]"));
                refusal.into(binding);
            }
        }
        fill(model, form);
        return "notification/settings";
    }

    private static void fill(Model model, SettingsForm form) {
        model.addAttribute("settingsForm", form);
        model.addAttribute("kinds", NotificationKind.values());
        model.addAttribute("modes", EmailMode.values());
    }

    private static Map<String, String> names(Map<NotificationKind, EmailMode> modes) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        modes.forEach((k, m) -> names.put(k.name(), m.name()));
        return names;
    }

    /**
     * @param language ja or en
     * @param modes    kind name → IMMEDIATE, DIGEST or OFF
     */
    record SettingsForm(@Pattern(regexp = "ja|en", message = "{notification.settings.language.invalid}")
                        String language, Map<String, String> modes) {

        Notifications.Settings settings() {
            Map<NotificationKind, EmailMode> chosen = new EnumMap<>(NotificationKind.class);
            if (modes != null) {
                modes.forEach((kind, mode) -> NotificationKind.named(kind).ifPresent(k -> Arrays.stream(
                        EmailMode.values()).filter(m -> m.name().equals(mode)).findFirst()
                        .ifPresent(m -> chosen.put(k, m))));
            }
            return new Notifications.Settings(language, chosen);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavigationItem notificationsNavigation() {
            return new NavigationItem("nav.notifications", "/notifications", 5, NavigationItem.SIGNED_IN);
        }

        @Bean
        NavigationItem outboxNavigation() {
            return new NavigationItem("nav.outbox", "/admin/outbox", 95, "ADMIN");
        }
    }
}

package org.banso.notification.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.banso.identity.BansoUser;
import org.banso.notification.MyWork;
import org.banso.notification.MyWorkView;
import org.banso.notification.Notifications;
import org.banso.notification.Notifications.NotificationView;
import org.banso.notification.Notifications.Settings;
import org.banso.notification.Outbox;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's notifications, settings and work, and the outbox for administrators (issue 16). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Notifications", description = "Personal notifications, e-mail settings, my work, the mail outbox")
class NotificationRestController {

    private final Notifications notifications;
    private final MyWork work;
    private final Outbox outbox;

    NotificationRestController(Notifications notifications, MyWork work, Outbox outbox) {
        this.notifications = notifications;
        this.work = work;
        this.outbox = outbox;
    }

    record NotificationPage(long unread, int page, List<NotificationView> notifications) {
    }

    @GetMapping("/notifications")
    @Operation(summary = "The caller's notifications, newest first, 50 a page",
            description = "Each: kind, councilId, councilName (only while the caller is a member of one of the "
                    + "council's current participants), path of the page where it is done, deadline, createdAt, "
                    + "readAt. No titles or texts: the page shows them under the access policy.")
    NotificationPage notifications(@Parameter(description = "0-based page") @RequestParam(defaultValue = "0") int page,
                                   @AuthenticationPrincipal BansoUser user) {
        return new NotificationPage(notifications.unreadCount(user), page, notifications.notifications(user, page));
    }

    @PostMapping("/notifications/{id}/read")
    @Operation(summary = "Mark one notification read (404 for someone else's)")
    NotificationView read(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        return notifications.open(id, user);
    }

    @PostMapping("/notifications/read-all")
    @Operation(summary = "Mark all the caller's notifications read", description = "→ {marked}")
    Map<String, Integer> readAll(@AuthenticationPrincipal BansoUser user) {
        return Map.of("marked", notifications.markAllRead(user));
    }

    @GetMapping("/notifications/settings")
    @Operation(summary = "The caller's language (ja by default) and e-mail mode per kind")
    Settings settings(@AuthenticationPrincipal BansoUser user) {
        return notifications.settings(user);
    }

    @PutMapping("/notifications/settings")
    @Operation(summary = "Change the caller's language and e-mail modes",
            description = "{language: ja|en, emailModes: {KIND: IMMEDIATE|DIGEST|OFF}} — kinds left out keep their "
                    + "mode. A kind that asks for an answer cannot be OFF: 400 validation-failed on "
                    + "emailModes.KIND (code answer-required); nothing changes then.")
    Settings updateSettings(@RequestBody Settings settings, @AuthenticationPrincipal BansoUser user) {
        return notifications.updateSettings(settings, user);
    }

    @GetMapping("/work")
    @Operation(summary = "What waits for the caller (\"My work\") and the panels of their roles",
            description = "waiting: overdue first, then by due time; each with kind (a message key), title (only "
                    + "where the caller may read it), councilName, dueAt, overdue, path, counted (in the header's "
                    + "count). panels: officials (calls closing, councils not established, projects waiting for "
                    + "activation), analysts (deliverables due), auditors (open leak cases).")
    MyWorkView work(@AuthenticationPrincipal BansoUser user) {
        return work.of(user);
    }

    @GetMapping("/admin/outbox")
    @Operation(summary = "The e-mail outbox, newest first (ADMIN; others 404)",
            description = "state: PENDING, SENDING, SENT, FAILED (attempts used up), UNCERTAIN (the sender stopped "
                    + "between the server's acceptance and recording it: not sent again by itself), LOCAL (no mail "
                    + "host is set: kept here).")
    List<Outbox.MailView> outbox(@Parameter(description = "0-based page") @RequestParam(defaultValue = "0") int page,
                                 @AuthenticationPrincipal BansoUser user) {
        return outbox.mails(user, page);
    }

    @PostMapping("/admin/outbox/{id}/retry")
    @Operation(summary = "Send an UNCERTAIN or FAILED mail again (ADMIN); 409 conflict for any other state")
    ResponseEntity<Void> retry(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        outbox.retry(id, user);
        return ResponseEntity.noContent().build();
    }
}

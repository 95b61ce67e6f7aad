package org.banso.notification.internal;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.banso.identity.BansoUser;
import org.banso.notification.EmailMode;
import org.banso.notification.NotificationKind;
import org.banso.notification.Notifications;
import org.banso.notification.internal.NotificationStore.Stored;
import org.banso.shared.BansoException;
import org.banso.shared.BansoException.FieldError;
import org.banso.shared.FieldChecks;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's notifications and settings: every method acts for the given person only. */
@Service
class NotificationService implements Notifications {

    private final NotificationStore store;
    private final MailComposer composer;
    private final Clock clock;

    NotificationService(NotificationStore store, MailComposer composer, Clock clock) {
        this.store = store;
        this.composer = composer;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<NotificationView> notifications(BansoUser person, int page) {
        if (page < 0) {
            throw BansoException.invalid("page", "must be 0 or more");
        }
        return store.page(person.id(), page, PAGE_SIZE).stream().map(n -> view(n, person)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public long unreadCount(BansoUser person) {
        return store.unread(person.id());
    }

    @Override
    @Transactional
    public NotificationView open(UUID id, BansoUser person) {
        Stored n = store.find(id, person.id()).orElseThrow(() -> BansoException.notFound("The notification"));
        store.markRead(id, clock.instant());
        return view(store.find(id, person.id()).orElse(n), person);
    }

    @Override
    @Transactional
    public int markAllRead(BansoUser person) {
        return store.markAllRead(person.id(), clock.instant());
    }

    @Override
    @Transactional(readOnly = true)
    public Settings settings(BansoUser person) {
        return new Settings(store.language(person.id()), store.modes(person.id()));
    }

    @Override
    @Transactional
    public Settings updateSettings(Settings settings, BansoUser person) {
        FieldChecks checks = new FieldChecks();
        String language = settings == null ? null : settings.language();
        if (!"ja".equals(language) && !"en".equals(language)) {
            checks.add(FieldError.coded("language", "language", "must be ja or en"));
        }
        Map<NotificationKind, EmailMode> modes = new EnumMap<>(store.modes(person.id()));
        if (settings != null && settings.emailModes() != null) {
            settings.emailModes().forEach((kind, mode) -> {
                if (kind == null || mode == null) {
                    return;
                }
                if (mode == EmailMode.OFF && kind.asksForAnswer()) {
                    // issue 16: what asks for an answer may go to the digest, never out of the person's mail
                    checks.add(FieldError.coded("emailModes." + kind.name(), "answer-required",
                            "asks for an answer: it can be sent in the digest, not switched off"));
                    return;
                }
                modes.put(kind, mode);
            });
        }
        checks.failIfAny();
        store.saveSettings(person.id(), language, modes, clock.instant());
        return settings(person);
    }

    private NotificationView view(Stored n, BansoUser person) {
        return new NotificationView(n.id(), n.kind(), n.council(), composer.councilNameFor(n.council(), person.id()),
                n.path(), n.deadline(), n.createdAt(), n.readAt());
    }
}

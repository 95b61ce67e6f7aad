package org.banso.information.internal.content;

import java.time.Clock;

import org.banso.identity.BansoUser;
import org.banso.identity.Role;
import org.banso.information.ContentKeys;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

@Component
class ContentKeyRotation implements ContentKeys {

    private final KeyEncryptionKeys keys;
    private final EncryptedContentStore store;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ContentKeyRotation(KeyEncryptionKeys keys, EncryptedContentStore store, ApplicationEventPublisher events,
                       TransactionTemplate transactions, Clock clock) {
        this.keys = keys;
        this.store = store;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Rotation rotate(BansoUser actor) {
        if (actor == null || !actor.hasRole(Role.ADMIN)) {
            throw new BansoException(ProblemCode.FORBIDDEN, "Only an administrator rotates content keys.");
        }
        String keyId = keys.rotate();
        EncryptedContentStore.Rewrap rewrap = store.rewrapAll();
        transactions.executeWithoutResult(status -> events.publishEvent(
                new ContentKeyRotated(keyId, rewrap.rewrapped(), rewrap.unreadable(), actor.id(), clock.instant())));
        return new Rotation(keyId, rewrap.rewrapped(), rewrap.unreadable().size());
    }
}

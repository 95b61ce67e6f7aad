package org.banso.council.internal;

import java.util.List;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.council.CouncilItems;
import org.banso.identity.BansoUser;
import org.banso.shared.BansoException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Materials and minutes are information items of the council itself that the actor may see (R11), as the information
 * module answers through {@link CouncilItems}; without it, such answers are refused rather than recorded unchecked.
 */
@Component
class CouncilItemChecks {

    private final ObjectProvider<CouncilItems> items;

    CouncilItemChecks(ObjectProvider<CouncilItems> items) {
        this.items = items;
    }

    void requireVisibleItems(CouncilId council, List<UUID> ids, BansoUser actor, String field) {
        CouncilItems checker = items.getIfAvailable();
        if (checker == null || !checker.allVisibleInCouncil(council, ids, actor)) {
            throw BansoException.invalid(field, "must name information items of this council that you may see");
        }
    }
}

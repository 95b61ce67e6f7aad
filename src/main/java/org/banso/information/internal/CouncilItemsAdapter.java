package org.banso.information.internal;

import java.util.List;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.council.CouncilItems;
import org.banso.identity.BansoUser;
import org.banso.information.InformationItems;
import org.banso.information.ItemId;
import org.springframework.stereotype.Component;

/** Answers the council module's question about materials and minutes (R11) through the facade and its policy. */
@Component
class CouncilItemsAdapter implements CouncilItems {

    private final InformationItems items;

    CouncilItemsAdapter(InformationItems items) {
        this.items = items;
    }

    @Override
    public boolean allVisibleInCouncil(CouncilId council, List<UUID> ids, BansoUser actor) {
        return items.allVisibleInCouncil(council, ids.stream().map(ItemId::new).toList(), actor);
    }
}

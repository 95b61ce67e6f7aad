package org.banso.council.web;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.banso.council.CouncilViews.CouncilView;
import org.banso.council.CouncilViews.ParticipantView;
import org.banso.identity.IdentityManagement;
import org.banso.identity.UserId;
import org.springframework.stereotype.Component;

/** Display names of the people and organizations a council's pages mention, by id (and {@code id.en}). */
@Component
class CouncilNames {

    private final IdentityManagement identity;

    CouncilNames(IdentityManagement identity) {
        this.identity = identity;
    }

    Map<String, String> of(CouncilView council) {
        Map<String, String> names = new HashMap<>();
        Set<UserId> users = new LinkedHashSet<>(council.requiredConsenterIds());
        council.participants().forEach(p -> users.addAll(p.memberIds()));
        council.consents().forEach(c -> users.add(c.userId()));
        for (UserId user : users) {
            identity.user(user).ifPresent(u -> names.put(u.id().toString(), u.displayName()));
        }
        for (ParticipantView p : council.participants()) {
            identity.organization(p.organizationId()).ifPresent(o -> {
                names.put(o.id().toString(), o.name());
                names.put(o.id() + ".en", o.nameEn());
                names.put(p.id().toString(), o.name());
                names.put(p.id() + ".en", o.nameEn());
            });
        }
        identity.organization(council.competentMinistryId()).ifPresent(o -> {
            names.put(o.id().toString(), o.name());
            names.put(o.id() + ".en", o.nameEn());
        });
        return names;
    }
}

package org.banso.web.internal;

import java.util.Comparator;
import java.util.List;

import org.banso.web.NavigationItem;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The header navigation for the person looking; templates reach it as {@code @navigation}. */
@Component("navigation")
class Navigation {

    private final List<NavigationItem> items;

    Navigation(List<NavigationItem> items) {
        this.items = items.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
    }

    public List<NavigationItem> itemsFor(Authentication authentication) {
        boolean signedIn = authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        return items.stream().filter(item -> switch (item.audience()) {
            case NavigationItem.PUBLIC -> true;
            case NavigationItem.SIGNED_IN -> signedIn;
            default -> signedIn && authentication.getAuthorities().stream()
                    .anyMatch(a -> a.getAuthority().equals("ROLE_" + item.audience()));
        }).toList();
    }
}

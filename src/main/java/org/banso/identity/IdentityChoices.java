package org.banso.identity;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.banso.web.Choice;

/**
 * Organizations and people as options of a page's name picker, named in the page's language: the same options
 * whether a page renders its form or the picker asks again as the person types. The lists given must already be
 * what the person may see ({@link IdentityManagement#organizations()}, {@link IdentityManagement#people}).
 */
public final class IdentityChoices {

    private IdentityChoices() {
    }

    /** Organizations of the given kinds (all kinds when empty), by name; the hint is the other language's name. */
    public static List<Choice> organizations(Collection<OrganizationView> organizations, Set<OrganizationKind> kinds,
                                             Locale locale, String query, Collection<String> chosen) {
        return Choice.pick(organizations.stream().filter(o -> kinds.isEmpty() || kinds.contains(o.kind())).toList(),
                o -> o.id().toString(), o -> o.localName(locale),
                o -> "en".equals(locale.getLanguage()) ? o.name() : o.nameEn(), query, chosen);
    }

    /** People holding any of the given roles (all when empty), by display name; the hint is their organization. */
    public static List<Choice> people(Collection<UserView> people, Collection<OrganizationView> organizations,
                                      Set<Role> roles, Locale locale, String query, Collection<String> chosen) {
        Map<OrganizationId, OrganizationView> byId = organizations.stream()
                .collect(Collectors.toMap(OrganizationView::id, Function.identity(), (a, b) -> a));
        return Choice.pick(people.stream().filter(u -> roles.isEmpty() || u.roles().stream().anyMatch(roles::contains))
                        .toList(), u -> u.id().toString(), UserView::displayName,
                u -> byId.containsKey(u.organizationId()) ? byId.get(u.organizationId()).localName(locale) : "",
                query, chosen);
    }
}

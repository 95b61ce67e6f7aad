package org.banso.funding;

import static org.banso.support.ApiAccounts.unique;

import java.util.Set;

import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.IdentityManagement.NewOrganization;
import org.banso.identity.IdentityManagement.NewUser;
import org.banso.identity.OrganizationId;
import org.banso.identity.OrganizationKind;
import org.banso.identity.Role;
import org.banso.support.ApiAccounts;
import org.banso.technology.TechnologyId;
import org.banso.technology.TechnologyRegistry;

/** Organizations, people and a technology for funding tests, made through the modules' facades. */
public final class FundingFixtures {

    private final IdentityManagement identity;
    private final TechnologyRegistry technologies;

    public FundingFixtures(IdentityManagement identity, TechnologyRegistry technologies) {
        this.identity = identity;
        this.technologies = technologies;
    }

    public BansoUser admin() {
        return identity.userByUsername("admin").orElseThrow().asPrincipal();
    }

    public OrganizationId organization(OrganizationKind kind) {
        String name = unique("org-");
        return identity.registerOrganization(new NewOrganization(name, name, kind, null), admin()).id();
    }

    public BansoUser user(OrganizationId organization, Role... roles) {
        String username = unique("fu");
        return identity.createUser(new NewUser(username, "試験 " + username, username + "@example.jp", organization,
                Set.of(roles), ApiAccounts.PASSWORD), admin()).asPrincipal();
    }

    public TechnologyId technology() {
        BansoUser officer = user(organization(OrganizationKind.MINISTRY), Role.PROGRAM_OFFICER);
        String code = unique("T-").toUpperCase(java.util.Locale.ROOT);
        return technologies.register(new TechnologyRegistry.NewTechnology(code, "量子技術 " + code, "Quantum " + code,
                "A01", ""), officer).id();
    }
}

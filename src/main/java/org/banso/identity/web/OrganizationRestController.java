package org.banso.identity.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.OrganizationId;
import org.banso.identity.OrganizationView;
import org.banso.shared.BansoException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organizations")
@Tag(name = "Identity")
class OrganizationRestController {

    private final IdentityManagement identity;

    OrganizationRestController(IdentityManagement identity) {
        this.identity = identity;
    }

    @PostMapping
    @Operation(summary = "Register an organization (ADMIN)",
            description = "corporateNumber (法人番号) is optional; when given it must be 13 digits with a valid check digit.")
    ResponseEntity<OrganizationView> register(@RequestBody IdentityManagement.NewOrganization request,
                                              @AuthenticationPrincipal BansoUser user) {
        OrganizationView org = identity.registerOrganization(request, user);
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + org.id())).body(org);
    }

    @GetMapping
    @Operation(summary = "All organizations")
    List<OrganizationView> all() {
        return identity.organizations();
    }

    @GetMapping("/{id}")
    OrganizationView one(@PathVariable UUID id) {
        return identity.organization(new OrganizationId(id))
                .orElseThrow(() -> BansoException.notFound("The organization"));
    }
}

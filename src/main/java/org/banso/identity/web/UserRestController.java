package org.banso.identity.web;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.banso.identity.BansoUser;
import org.banso.identity.IdentityManagement;
import org.banso.identity.Role;
import org.banso.identity.UserId;
import org.banso.identity.UserView;
import jakarta.servlet.http.HttpServletRequest;
import org.banso.identity.internal.ApiTokens;
import org.banso.identity.internal.ClientAddress;
import org.banso.identity.internal.IdentityService;
import org.banso.identity.internal.ServiceTokens;
import org.banso.identity.internal.SessionToKeep;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Identity")
class UserRestController {

    private final IdentityManagement identity;
    private final IdentityService passwords;
    private final ApiTokens tokens;
    private final ServiceTokens serviceTokens;

    UserRestController(IdentityManagement identity, IdentityService passwords, ApiTokens tokens,
                       ServiceTokens serviceTokens) {
        this.identity = identity;
        this.passwords = passwords;
        this.tokens = tokens;
        this.serviceTokens = serviceTokens;
    }

    record ServiceTokenRequest(String scope, java.time.Instant expiresAt, String label) {
    }

    record ServiceTokenResponse(String token, java.time.Instant expiresAt, String scope) {
    }

    record RolesRequest(Set<Role> roles) {
    }

    record EnabledRequest(Boolean enabled) {
    }

    record RevokedTokens(int revoked) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    @PutMapping("/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change your own password",
            description = """
                    `{currentPassword, newPassword}`. The new password must have at least 12 characters, at most 72
                    bytes in UTF-8 (bcrypt's limit), must not contain the username and must not be weak or common
                    (`400 validation-failed` with the codes `password-length`, `password-bytes`, `password-username`,
                    `password-weak`, `password-same`; a wrong current password is `password-wrong` on
                    `currentPassword` and counts as a failed sign-in). On success every API token of the account —
                    including the one of this request — is revoked and every page session signed in under the old
                    password ends at once, on every node, in the change's own transaction (a change that fails ends
                    nothing): sign in again with the new password.""")
    void changePassword(@RequestBody PasswordChange change, @AuthenticationPrincipal BansoUser user,
                        HttpServletRequest request) {
        if (change == null) {
            throw BansoException.invalid("newPassword", "must not be blank");
        }
        // the API has no page session of its own: every page session ends with the change
        passwords.changePassword(user, change.currentPassword(), change.newPassword(),
                ClientAddress.current(request), SessionToKeep.NONE);
    }

    @PostMapping
    @Operation(summary = "Create an account (ADMIN)")
    ResponseEntity<UserView> create(@RequestBody IdentityManagement.NewUser request,
                                    @AuthenticationPrincipal BansoUser user) {
        UserView created = identity.createUser(request, user);
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(created);
    }

    @GetMapping
    @Operation(summary = "All accounts (ADMIN)")
    List<UserView> all(@AuthenticationPrincipal BansoUser user) {
        return identity.users(user);
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in account")
    UserView me(@AuthenticationPrincipal BansoUser user) {
        return identity.user(user.id()).orElseThrow(() -> BansoException.notFound("The user"));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One account (ADMIN, or the account itself)")
    UserView one(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        if (!user.hasRole(Role.ADMIN) && !user.id().value().equals(id)) {
            throw BansoException.notFound("The user");
        }
        return identity.user(new UserId(id)).orElseThrow(() -> BansoException.notFound("The user"));
    }

    @PutMapping("/{id}/roles")
    @Operation(summary = "Replace an account's roles (ADMIN); revokes its API tokens")
    UserView roles(@PathVariable UUID id, @RequestBody RolesRequest request, @AuthenticationPrincipal BansoUser user) {
        return identity.changeRoles(new UserId(id), request == null ? null : request.roles(), user);
    }

    @PutMapping("/{id}/enabled")
    @Operation(summary = "Enable or disable an account (ADMIN); disabling revokes its API tokens")
    UserView enabled(@PathVariable UUID id, @RequestBody EnabledRequest request,
                     @AuthenticationPrincipal BansoUser user) {
        if (request == null || request.enabled() == null) {
            throw BansoException.invalid("enabled", "must be true or false");
        }
        return identity.setEnabled(new UserId(id), request.enabled(), user);
    }

    @PostMapping("/{id}/service-tokens")
    @Operation(summary = "Issue a service token in an account's name (ADMIN)",
            description = "`{scope, expiresAt, label}`: scope AUDIT_READ (GET /api/v1/audit/**, an AUDITOR's account "
                    + "only) or REFERENCE_READ (GET of technology areas, technologies, guidelines, indicators, "
                    + "datasets, public results); expiresAt at most banso.identity.service-token-max-lifetime (90 days) "
                    + "ahead. The token is shown once; it carries no second factor and is refused (403) outside its "
                    + "scope. Revoked with the account's other tokens.")
    ResponseEntity<ServiceTokenResponse> serviceToken(@PathVariable UUID id, @RequestBody ServiceTokenRequest request,
                                                      @AuthenticationPrincipal BansoUser user) {
        if (request == null) {
            throw BansoException.invalid("scope", "must be given");
        }
        ApiTokens.IssuedToken issued = serviceTokens.issue(new UserId(id), request.scope(), request.expiresAt(),
                request.label(), user);
        return ResponseEntity.status(201).body(new ServiceTokenResponse(issued.token(), issued.expiresAt(),
                request.scope()));
    }

    @DeleteMapping("/{id}/tokens")
    @Operation(summary = "Revoke every API token of an account (ADMIN)")
    RevokedTokens revokeTokens(@PathVariable UUID id, @AuthenticationPrincipal BansoUser user) {
        if (!user.hasRole(Role.ADMIN)) {
            throw new BansoException(ProblemCode.FORBIDDEN, "Only an administrator may revoke others' tokens.");
        }
        identity.user(new UserId(id)).orElseThrow(() -> BansoException.notFound("The user"));
        return new RevokedTokens(tokens.revokeAll(new UserId(id), user.id()));
    }
}

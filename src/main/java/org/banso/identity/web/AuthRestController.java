package org.banso.identity.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.banso.identity.BansoUser;
import org.banso.identity.internal.ApiTokens;
import org.banso.identity.internal.Authenticator;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication", description = "API tokens")
class AuthRestController {

    private final Authenticator authenticator;
    private final ApiTokens tokens;

    AuthRestController(Authenticator authenticator, ApiTokens tokens) {
        this.authenticator = authenticator;
        this.tokens = tokens;
    }

    record Credentials(String username, String password) {
    }

    record TokenResponse(String token, Instant expiresAt) {
    }

    @PostMapping("/token")
    @Operation(summary = "Exchange a username and password for an opaque bearer token",
            description = "A wrong password, an unknown user, a disabled account and a temporarily locked username "
                    + "all get the same 401 problem. Repeated failures lock the username for a while.")
    TokenResponse issue(@RequestBody Credentials credentials) {
        if (credentials == null) {
            throw BansoException.invalid("username", "must not be blank");
        }
        BansoUser user = authenticator.authenticate(credentials.username(), credentials.password(), "api")
                .orElseThrow(() -> new BansoException(ProblemCode.UNAUTHENTICATED,
                        "The username or password is not correct."));
        ApiTokens.IssuedToken issued = tokens.issue(user);
        return new TokenResponse(issued.token(), issued.expiresAt());
    }

    @DeleteMapping("/token")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke the bearer token this request carries")
    void revoke(@AuthenticationPrincipal BansoUser user, HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        tokens.revoke(header.substring("Bearer ".length()).strip(), user);
    }
}

package org.banso.identity.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.banso.identity.BansoUser;
import org.banso.identity.internal.ApiTokens;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.banso.identity.internal.Authenticator;
import org.banso.identity.internal.ClientAddress;
import org.banso.shared.RateLimitedException;
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
            description = """
                    A wrong password, an unknown user and a disabled account all get the same 401 problem.
                    Sign-in is throttled per source address and per username with back-off: too many failures answer
                    `429 rate-limited` with `Retry-After` (seconds), the same for every username whether or not it
                    exists. A stranger's failures never lock the account's owner out: they slow the stranger's source,
                    and under an attack from many sources the owner's usual sources still get in.""")
    @ApiResponse(responseCode = "200", description = "signed in")
    @ApiResponse(responseCode = "401", description = "unauthenticated",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "429", description = "rate-limited, with a Retry-After header",
            content = @Content(mediaType = "application/problem+json"))
    TokenResponse issue(@RequestBody Credentials credentials, HttpServletRequest request) {
        if (credentials == null) {
            throw BansoException.invalid("username", "must not be blank");
        }
        Authenticator.Outcome outcome = authenticator.authenticate(credentials.username(), credentials.password(),
                "api", ClientAddress.current(request));
        if (outcome instanceof Authenticator.Outcome.Throttled throttled) {
            throw new RateLimitedException("Too many failed sign-ins. Try again later.", throttled.retryAfter());
        }
        if (!(outcome instanceof Authenticator.Outcome.SignedIn signedIn)) {
            throw new BansoException(ProblemCode.UNAUTHENTICATED, "The username or password is not correct.");
        }
        ApiTokens.IssuedToken issued = tokens.issue(signedIn.user());
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

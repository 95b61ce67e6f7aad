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
import org.banso.identity.internal.SignInSecondFactor;
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
    private final SignInSecondFactor secondFactor;

    AuthRestController(Authenticator authenticator, ApiTokens tokens, SignInSecondFactor secondFactor) {
        this.authenticator = authenticator;
        this.tokens = tokens;
        this.secondFactor = secondFactor;
    }

    /** @param code a code of the account's authenticator app, or one of its recovery codes (issue 18) */
    record Credentials(String username, String password, String code) {
    }

    record TokenResponse(String token, Instant expiresAt) {
    }

    record SecondFactorRequest(String code) {
    }

    record SecondFactorResponse(Instant secondFactorAt) {
    }

    @PostMapping("/token")
    @Operation(summary = "Exchange a username, password and (where required) a second-factor code for a bearer token",
            description = """
                    A wrong password, an unknown user and a disabled account all get the same 401 problem.
                    Sign-in is throttled per source address and per username with back-off: too many failures answer
                    `429 rate-limited` with `Retry-After` (seconds), the same for every username whether or not it
                    exists. A stranger's failures never lock the account's owner out: they slow the stranger's source,
                    and under an attack from many sources the owner's usual sources still get in.
                    When banso.identity.second-factor=required, accounts of government roles, ADMIN, AUDITOR and
                    participants of a council with a designation must also send `code` (six digits of their
                    authenticator app, or a recovery code): without it the answer is 401 second-factor-required; a
                    wrong code is 401 unauthenticated; too many wrong codes lock the account's codes for a while.
                    A token issued with a code counts as a second factor passed at issue (step-up for controlled
                    content lasts banso.identity.step-up-window, then POST /api/v1/auth/second-factor).""")
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
        Instant secondFactorAt = secondFactor.forToken(signedIn.user(), credentials.code());
        ApiTokens.IssuedToken issued = tokens.issue(signedIn.user(), secondFactorAt);
        return new TokenResponse(issued.token(), issued.expiresAt());
    }

    @PostMapping("/second-factor")
    @Operation(summary = "Step up: prove a second factor for the bearer token this request carries",
            description = "`{code}`: six digits of the authenticator app or a recovery code. Controlled content then "
                    + "opens for banso.identity.step-up-window (15 minutes by default); after that its endpoints "
                    + "answer 401 fresh-second-factor-required again. Wrong codes are throttled per account. Service "
                    + "tokens cannot step up (403).")
    SecondFactorResponse stepUp(@RequestBody SecondFactorRequest request, @AuthenticationPrincipal BansoUser user,
                                HttpServletRequest http) {
        String header = http.getHeader(HttpHeaders.AUTHORIZATION);
        Instant at = secondFactor.stepUp(user, request == null ? null : request.code(),
                header.substring("Bearer ".length()).strip());
        return new SecondFactorResponse(at);
    }

    @DeleteMapping("/token")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke the bearer token this request carries")
    void revoke(@AuthenticationPrincipal BansoUser user, HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        tokens.revoke(header.substring("Bearer ".length()).strip(), user);
    }
}

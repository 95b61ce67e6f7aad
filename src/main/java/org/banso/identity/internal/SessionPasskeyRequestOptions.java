package org.banso.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.authentication.HttpSessionPublicKeyCredentialRequestOptionsRepository;
import org.springframework.security.web.webauthn.authentication.PublicKeyCredentialRequestOptionsRepository;

/**
 * Reads a passkey sign-in's options back from the page session with the library's own constants (issue #19).
 * Spring Security's options filter keeps them in the session under its default attribute (it offers no way to change
 * its repository), and they are serializable; but a database session hands back deserialized copies, and
 * {@code Webauthn4JRelyingPartyOperations} decides whether user verification is required with
 * {@code getUserVerification() == REQUIRED}. A copy of {@code REQUIRED} is not {@code REQUIRED}: without this, a
 * passkey sign-in on a node other than the one that issued the challenge would not require the authenticator to verify
 * the person, yet count as two factors.
 */
final class SessionPasskeyRequestOptions implements PublicKeyCredentialRequestOptionsRepository {

    private final HttpSessionPublicKeyCredentialRequestOptionsRepository session =
            new HttpSessionPublicKeyCredentialRequestOptionsRepository();

    @Override
    public void save(HttpServletRequest request, HttpServletResponse response,
                     PublicKeyCredentialRequestOptions options) {
        session.save(request, response, options);
    }

    @Override
    public PublicKeyCredentialRequestOptions load(HttpServletRequest request) {
        PublicKeyCredentialRequestOptions stored = session.load(request);
        if (stored == null) {
            return null;
        }
        return PublicKeyCredentialRequestOptions.builder()
                .challenge(stored.getChallenge())
                .timeout(stored.getTimeout())
                .rpId(stored.getRpId())
                .allowCredentials(stored.getAllowCredentials())
                .userVerification(stored.getUserVerification() == null ? null
                        : SessionPasskeyCreationOptions.userVerification(stored.getUserVerification().getValue()))
                .extensions(stored.getExtensions())
                .build();
    }
}

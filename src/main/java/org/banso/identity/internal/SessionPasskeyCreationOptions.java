package org.banso.identity.internal;

import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.AuthenticatorAttachment;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * Keeps a passkey registration's options between its two requests in the page session as a serializable snapshot
 * (issue #19). Spring Security's own repository stores {@link PublicKeyCredentialCreationOptions} as it is, and that
 * class is not serializable: with page sessions in the database (Spring Session JDBC) the session could not be saved
 * and the ceremony broke. (The sign-in ceremony's options are serializable, but come back with copies of
 * constants that Spring Security compares by identity: see {@link SessionPasskeyRequestOptions}.)
 * Spring Security's Jackson mixins only write these options for the browser and cannot read them back, hence this
 * snapshot of plain values, rebuilt into the library's own types on load.
 */
final class SessionPasskeyCreationOptions implements PublicKeyCredentialCreationOptionsRepository {

    static final String ATTRIBUTE = SessionPasskeyCreationOptions.class.getName() + ".OPTIONS";

    @Override
    public void save(HttpServletRequest request, HttpServletResponse response,
                     PublicKeyCredentialCreationOptions options) {
        if (options == null) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(ATTRIBUTE);
            }
            return;
        }
        request.getSession().setAttribute(ATTRIBUTE, Snapshot.of(options));
    }

    @Override
    public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        return session.getAttribute(ATTRIBUTE) instanceof Snapshot snapshot ? snapshot.options() : null;
    }

    private static final List<UserVerificationRequirement> VERIFICATIONS = List.of(
            UserVerificationRequirement.DISCOURAGED, UserVerificationRequirement.PREFERRED,
            UserVerificationRequirement.REQUIRED);

    /**
     * The library's own constant for a requirement's value: Spring Security tests "user verification required" with
     * {@code ==}, so a deserialized copy of {@code REQUIRED} would silently stop requiring it.
     */
    static UserVerificationRequirement userVerification(String value) {
        return VERIFICATIONS.stream().filter(v -> v.getValue().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown user verification requirement"));
    }

    /** The options' values, each of a serializable type (Bytes, descriptors and extension inputs are). */
    record Snapshot(String rpId, String rpName, Bytes userId, String userName, String userDisplayName,
                    Bytes challenge, List<Long> algorithms, Duration timeout,
                    List<PublicKeyCredentialDescriptor> excludeCredentials, String attachment, String residentKey,
                    String userVerification, String attestation, AuthenticationExtensionsClientInputs extensions)
            implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        private static final List<PublicKeyCredentialParameters> KNOWN_PARAMETERS = List.of(
                PublicKeyCredentialParameters.EdDSA, PublicKeyCredentialParameters.ES256,
                PublicKeyCredentialParameters.ES384, PublicKeyCredentialParameters.ES512,
                PublicKeyCredentialParameters.RS256, PublicKeyCredentialParameters.RS384,
                PublicKeyCredentialParameters.RS512, PublicKeyCredentialParameters.RS1);

        static Snapshot of(PublicKeyCredentialCreationOptions options) {
            AuthenticatorSelectionCriteria selection = options.getAuthenticatorSelection();
            return new Snapshot(options.getRp().getId(), options.getRp().getName(), options.getUser().getId(),
                    options.getUser().getName(), options.getUser().getDisplayName(), options.getChallenge(),
                    options.getPubKeyCredParams().stream().map(p -> p.getAlg().getValue()).toList(),
                    options.getTimeout(),
                    options.getExcludeCredentials() == null ? null : List.copyOf(options.getExcludeCredentials()),
                    selection == null || selection.getAuthenticatorAttachment() == null ? null
                            : selection.getAuthenticatorAttachment().getValue(),
                    selection == null || selection.getResidentKey() == null ? null
                            : selection.getResidentKey().getValue(),
                    selection == null || selection.getUserVerification() == null ? null
                            : selection.getUserVerification().getValue(),
                    options.getAttestation() == null ? null : options.getAttestation().getValue(),
                    options.getExtensions());
        }

        PublicKeyCredentialCreationOptions options() {
            AuthenticatorSelectionCriteria selection = AuthenticatorSelectionCriteria.builder()
                    .authenticatorAttachment(attachment == null ? null : AuthenticatorAttachment.valueOf(attachment))
                    .residentKey(residentKey == null ? null : ResidentKeyRequirement.valueOf(residentKey))
                    .userVerification(userVerification == null ? null : SessionPasskeyCreationOptions.userVerification(userVerification))
                    .build();
            return PublicKeyCredentialCreationOptions.builder()
                    .rp(PublicKeyCredentialRpEntity.builder().id(rpId).name(rpName).build())
                    .user(ImmutablePublicKeyCredentialUserEntity.builder().id(userId).name(userName)
                            .displayName(userDisplayName).build())
                    .challenge(challenge)
                    .pubKeyCredParams(algorithms.stream().flatMap(alg -> KNOWN_PARAMETERS.stream()
                            .filter(p -> p.getAlg().getValue() == alg).findFirst().stream()).toList())
                    .timeout(timeout)
                    .excludeCredentials(excludeCredentials)
                    .authenticatorSelection(attachment == null && residentKey == null && userVerification == null
                            ? null : selection)
                    .attestation(attestation == null ? null : AttestationConveyancePreference.valueOf(attestation))
                    .extensions(extensions)
                    .build();
        }
    }
}

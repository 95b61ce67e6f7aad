package org.banso.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticatorAttachment;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredProtectAuthenticationExtensionsClientInput;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInput;
import org.springframework.security.web.webauthn.api.ImmutableAuthenticationExtensionsClientInputs;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.authentication.HttpSessionPublicKeyCredentialRequestOptionsRepository;
import org.springframework.security.web.webauthn.registration.HttpSessionPublicKeyCredentialCreationOptionsRepository;

/**
 * A passkey registration's options survive the trip a database page session makes (issue #19): Spring Session JDBC
 * writes every attribute with Java serialization and reads it back on whichever node takes the next request.
 */
class SessionPasskeyCreationOptionsTest {

    private static PublicKeyCredentialCreationOptions options() {
        return PublicKeyCredentialCreationOptions.builder()
                .rp(PublicKeyCredentialRpEntity.builder().id("banso.example.jp").name("Banso").build())
                .user(ImmutablePublicKeyCredentialUserEntity.builder().id(Bytes.random()).name("researcher")
                        .displayName("研究 桜").build())
                .challenge(Bytes.random())
                .pubKeyCredParams(PublicKeyCredentialParameters.EdDSA, PublicKeyCredentialParameters.ES256,
                        PublicKeyCredentialParameters.RS256)
                .timeout(Duration.ofMinutes(5))
                .excludeCredentials(List.of(PublicKeyCredentialDescriptor.builder().id(Bytes.random())
                        .transports(java.util.Set.of(AuthenticatorTransport.INTERNAL)).build()))
                .authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                        .authenticatorAttachment(AuthenticatorAttachment.PLATFORM)
                        .residentKey(ResidentKeyRequirement.REQUIRED)
                        .userVerification(UserVerificationRequirement.REQUIRED).build())
                .attestation(AttestationConveyancePreference.DIRECT)
                .extensions(new ImmutableAuthenticationExtensionsClientInputs(
                        ImmutableAuthenticationExtensionsClientInput.credProps,
                        new CredProtectAuthenticationExtensionsClientInput(
                                new CredProtectAuthenticationExtensionsClientInput.CredProtect(
                                        CredProtectAuthenticationExtensionsClientInput.CredProtect.ProtectionPolicy
                                                .USER_VERIFICATION_REQUIRED, true))))
                .build();
    }

    /** Every attribute through Java serialization, as Spring Session JDBC stores it, into a fresh session. */
    private static MockHttpSession throughTheDatabase(MockHttpSession session) throws Exception {
        MockHttpSession copy = new MockHttpSession();
        for (String name : java.util.Collections.list(session.getAttributeNames())) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(session.getAttribute(name));
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                copy.setAttribute(name, in.readObject());
            }
        }
        return copy;
    }

    @Test
    void theOptionsSavedOnOneNodeAreTheOptionsLoadedOnAnother() throws Exception {
        PublicKeyCredentialCreationOptions saved = options();
        SessionPasskeyCreationOptions repository = new SessionPasskeyCreationOptions();
        MockHttpServletRequest onA = new MockHttpServletRequest();
        repository.save(onA, new MockHttpServletResponse(), saved);

        MockHttpServletRequest onB = new MockHttpServletRequest();
        onB.setSession(throughTheDatabase((MockHttpSession) onA.getSession()));
        PublicKeyCredentialCreationOptions loaded = repository.load(onB);

        assertThat(loaded).isNotNull();
        assertThat(loaded.getChallenge()).isEqualTo(saved.getChallenge());
        assertThat(loaded.getRp().getId()).isEqualTo("banso.example.jp");
        assertThat(loaded.getRp().getName()).isEqualTo("Banso");
        assertThat(loaded.getUser().getId()).isEqualTo(saved.getUser().getId());
        assertThat(loaded.getUser().getName()).isEqualTo("researcher");
        assertThat(loaded.getUser().getDisplayName()).isEqualTo("研究 桜");
        assertThat(loaded.getPubKeyCredParams()).containsExactly(PublicKeyCredentialParameters.EdDSA,
                PublicKeyCredentialParameters.ES256, PublicKeyCredentialParameters.RS256);
        assertThat(loaded.getTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(loaded.getExcludeCredentials()).singleElement().satisfies(d -> {
            assertThat(d.getId()).isEqualTo(saved.getExcludeCredentials().get(0).getId());
            assertThat(d.getTransports()).extracting(AuthenticatorTransport::getValue).containsExactly("internal");
        });
        assertThat(loaded.getAuthenticatorSelection().getAuthenticatorAttachment())
                .isEqualTo(AuthenticatorAttachment.PLATFORM);
        assertThat(loaded.getAuthenticatorSelection().getResidentKey()).isEqualTo(ResidentKeyRequirement.REQUIRED);
        // user verification required is what makes a passkey count as two factors; the library compares with ==
        assertThat(loaded.getAuthenticatorSelection().getUserVerification())
                .isSameAs(UserVerificationRequirement.REQUIRED);
        assertThat(loaded.getAttestation()).isEqualTo(AttestationConveyancePreference.DIRECT);
        assertThat(loaded.getExtensions().getInputs()).extracting(i -> i.getExtensionId())
                .containsExactly("credProps", "credProtect");
    }

    @Test
    void savingNoOptionsForgetsThemSoAChallengeServesOnce() throws Exception {
        SessionPasskeyCreationOptions repository = new SessionPasskeyCreationOptions();
        MockHttpServletRequest request = new MockHttpServletRequest();
        repository.save(request, new MockHttpServletResponse(), options());
        repository.save(request, new MockHttpServletResponse(), null);

        assertThat(repository.load(request)).isNull();
        assertThat(repository.load(new MockHttpServletRequest())).as("no session, no options").isNull();
    }

    @Test
    void springSecuritysOwnRepositoryCouldNotBeKeptInADatabaseSession() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        new HttpSessionPublicKeyCredentialCreationOptionsRepository().save(request, new MockHttpServletResponse(),
                options());

        assertThatThrownBy(() -> throughTheDatabase((MockHttpSession) request.getSession()))
                .isInstanceOf(NotSerializableException.class);
    }

    @Test
    void aSignInChallengeIssuedOnOneNodeStillRequiresUserVerificationOnAnother() throws Exception {
        MockHttpServletRequest onA = new MockHttpServletRequest();
        SessionPasskeyRequestOptions repository = new SessionPasskeyRequestOptions();
        PublicKeyCredentialRequestOptions issued = PublicKeyCredentialRequestOptions.builder()
                .challenge(Bytes.random()).rpId("banso.example.jp").timeout(Duration.ofMinutes(5))
                .userVerification(UserVerificationRequirement.REQUIRED)
                .extensions(new ImmutableAuthenticationExtensionsClientInputs(
                        ImmutableAuthenticationExtensionsClientInput.credProps))
                .build();
        // as Spring Security's options filter saves them, under its own attribute
        new HttpSessionPublicKeyCredentialRequestOptionsRepository().save(onA, new MockHttpServletResponse(), issued);
        MockHttpServletRequest onB = new MockHttpServletRequest();
        onB.setSession(throughTheDatabase((MockHttpSession) onA.getSession()));

        PublicKeyCredentialRequestOptions plain = new HttpSessionPublicKeyCredentialRequestOptionsRepository()
                .load(onB);
        PublicKeyCredentialRequestOptions loaded = repository.load(onB);

        assertThat(plain.getUserVerification()).as("the hazard: a copy of REQUIRED is not REQUIRED")
                .isNotSameAs(UserVerificationRequirement.REQUIRED);
        assertThat(loaded.getUserVerification()).isSameAs(UserVerificationRequirement.REQUIRED);
        assertThat(loaded.getChallenge()).isEqualTo(issued.getChallenge());
        assertThat(loaded.getRpId()).isEqualTo("banso.example.jp");
        assertThat(loaded.getTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(loaded.getExtensions().getInputs()).extracting(i -> i.getExtensionId())
                .containsExactly("credProps");

        repository.save(onB, new MockHttpServletResponse(), null);
        assertThat(repository.load(onB)).as("a challenge serves once").isNull();
    }
}

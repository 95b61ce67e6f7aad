package org.banso.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/** The password encoder: bcrypt at the configured cost, the id stored beside each hash; other ids still checked. */
class PasswordHashingTest {

    private static PasswordEncoder encoder(Map<String, String> settings) {
        IdentityProperties properties = new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("banso.identity", IdentityProperties.class);
        return new SecurityConfiguration().passwordEncoder(properties);
    }

    @Test
    void newHashesAreBcryptAtCostTenUnlessConfigured() {
        String hash = encoder(Map.of()).encode("correct-horse-battery");

        assertThat(hash).startsWith("{bcrypt}$2a$10$");
        assertThat(encoder(Map.of()).matches("correct-horse-battery", hash)).isTrue();
        assertThat(encoder(Map.of()).matches("wrong-horse-battery", hash)).isFalse();
    }

    @Test
    void aLowerConfiguredCostAppliesToNewHashesAndOlderHashesKeepTheirOwn() {
        PasswordEncoder cheap = encoder(Map.of("banso.identity.password-hash-cost", "4"));
        String strong = encoder(Map.of()).encode("correct-horse-battery");

        assertThat(cheap.encode("correct-horse-battery")).startsWith("{bcrypt}$2a$04$");
        assertThat(cheap.matches("correct-horse-battery", strong)).isTrue();
    }

    @Test
    void aHashWithAnotherStandardIdIsStillChecked() {
        String stored = "{pbkdf2@SpringSecurity_v5_8}"
                + Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("correct-horse-battery");

        assertThat(encoder(Map.of()).matches("correct-horse-battery", stored)).isTrue();
        assertThat(encoder(Map.of()).matches("wrong-horse-battery", stored)).isFalse();
    }
}

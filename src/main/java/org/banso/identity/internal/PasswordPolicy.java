package org.banso.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import org.banso.shared.BansoException.FieldError;
import org.banso.shared.FieldChecks;
import org.springframework.stereotype.Component;

/**
 * What a new password must be: at least {@code banso.identity.min-password-length} characters, at most bcrypt's 72
 * bytes in UTF-8 (a longer one would be silently cut, so it is refused and the limit stated), not containing the
 * username, and not weak or common: nbvcxz estimates its entropy against its dictionaries (common passwords, English
 * words, names), keyboard patterns, repeats, sequences and dates, and it must reach
 * {@code banso.identity.min-password-entropy} bits ({@code aaaaaaaaaaaa} has about 8). The estimator loads its
 * dictionaries once, at first use (under a second).
 */
@Component
class PasswordPolicy {

    private final IdentityProperties properties;
    private volatile Nbvcxz estimator;

    PasswordPolicy(IdentityProperties properties) {
        this.properties = properties;
    }

    /** Adds the password's faults to {@code checks} under {@code field}. */
    void check(String password, String username, String field, FieldChecks checks) {
        int min = properties.minPasswordLength();
        if (password == null || password.length() < min) {
            checks.add(FieldError.coded(field, "password-length", "must be at least " + min + " characters", min));
            return;
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > Authenticator.BCRYPT_MAX_BYTES) {
            checks.add(FieldError.coded(field, "password-bytes", "must be at most 72 bytes in UTF-8 (bcrypt's limit; "
                    + "a Japanese character takes 3)", Authenticator.BCRYPT_MAX_BYTES));
            return;
        }
        if (username != null && !username.isEmpty() && password.toLowerCase(Locale.ROOT).contains(username)) {
            checks.add(FieldError.coded(field, "password-username", "must not contain the username"));
            return;
        }
        if (!estimator().estimate(password).isMinimumEntropyMet()) {
            checks.add(FieldError.coded(field, "password-weak", "is too weak or too common: use a longer passphrase "
                    + "of unrelated words, not a common password, a repeat or a keyboard pattern"));
        }
    }

    private Nbvcxz estimator() {
        Nbvcxz current = estimator;
        if (current == null) {
            synchronized (this) {
                if (estimator == null) {
                    estimator = new Nbvcxz(new ConfigurationBuilder()
                            .setMinimumEntropy(properties.minPasswordEntropy()).createConfiguration());
                }
                current = estimator;
            }
        }
        return current;
    }
}

package org.banso.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

/** What a person's authenticator app shows: the RFC 6238 code of a base32 secret at an instant (issue 18). */
public final class Totp {

    private Totp() {
    }

    public static String code(String base32Secret, Instant at) {
        try {
            TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30),
                    6, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
            return generator.generateOneTimePasswordString(
                    new SecretKeySpec(new Base32().decode(base32Secret), generator.getAlgorithm()), at, Locale.ROOT);
        } catch (java.security.InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}

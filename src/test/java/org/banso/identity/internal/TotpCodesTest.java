package org.banso.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.SplittableRandom;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The authenticator-app codes (issue 18): the test vectors of RFC 6238 appendix B for the three hash functions and
 * eight digits, the six-digit codes apps show, the ±1 step window, replay, and what the QR code hands to an app.
 */
class TotpCodesTest {

    private static final byte[] SEED_SHA1 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA256 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED_SHA512 = ("1234567890123456789012345678901234567890123456789012345678901234")
            .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "RFC 6238 at {0}: {1} / {2} / {3}")
    @CsvSource({
            "59, 94287082, 46119246, 90693936",
            "1111111109, 07081804, 68084774, 25091201",
            "1111111111, 14050471, 67062674, 99943326",
            "1234567890, 89005924, 91819424, 93441116",
            "2000000000, 69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
    void theRfc6238TestVectors(long seconds, String sha1, String sha256, String sha512) {
        Instant at = Instant.ofEpochSecond(seconds);
        assertThat(codes(TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1).code(SEED_SHA1, at))
                .isEqualTo(sha1);
        assertThat(codes(TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA256).code(SEED_SHA256, at))
                .isEqualTo(sha256);
        assertThat(codes(TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA512).code(SEED_SHA512, at))
                .isEqualTo(sha512);
    }

    @Test
    void appsShowTheLastSixDigitsOfTheSameTruncation() {
        // RFC 4226 dynamic truncation modulo 10^6: the eight-digit vector's last six digits, zeros kept
        assertThat(new TotpCodes().code(SEED_SHA1, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(new TotpCodes().code(SEED_SHA1, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndOnlyForAStepAfterTheLastAccepted() {
        TotpCodes totp = new TotpCodes();
        Instant now = Instant.parse("2026-12-05T09:00:10Z");
        long step = TotpCodes.step(now);
        String current = totp.code(SEED_SHA1, now);
        assertThat(totp.verify(SEED_SHA1, current, now, -1)).isEqualTo(OptionalLong.of(step));
        assertThat(totp.verify(SEED_SHA1, totp.code(SEED_SHA1, now.minusSeconds(30)), now, -1))
                .isEqualTo(OptionalLong.of(step - 1));
        assertThat(totp.verify(SEED_SHA1, totp.code(SEED_SHA1, now.plusSeconds(30)), now, -1))
                .isEqualTo(OptionalLong.of(step + 1));
        assertThat(totp.verify(SEED_SHA1, totp.code(SEED_SHA1, now.minusSeconds(60)), now, -1)).isEmpty();
        assertThat(totp.verify(SEED_SHA1, totp.code(SEED_SHA1, now.plusSeconds(60)), now, -1)).isEmpty();
        // replay: the step of the code was already used
        assertThat(totp.verify(SEED_SHA1, current, now, step)).isEmpty();
        assertThat(totp.verify(SEED_SHA1, totp.code(SEED_SHA1, now.minusSeconds(30)), now, step)).isEmpty();
        // malformed input is simply wrong
        assertThat(totp.verify(SEED_SHA1, null, now, -1)).isEmpty();
        assertThat(totp.verify(SEED_SHA1, "12345", now, -1)).isEmpty();
        assertThat(totp.verify(SEED_SHA1, "12345a", now, -1)).isEmpty();
        assertThat(totp.verify(SEED_SHA1, "１２３４５６", now, -1)).isEmpty();
    }

    @Test
    void randomWrongCodesAreRefused_seeded() {
        long seed = 0x7075_2026_1205L;
        System.out.println("TotpCodesTest seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        TotpCodes totp = new TotpCodes();
        for (int n = 0; n < 2_000; n++) {
            byte[] secret = new byte[TotpCodes.SECRET_BYTES];
            random.nextBytes(secret);
            Instant at = Instant.ofEpochSecond(1_700_000_000L + random.nextLong(100_000_000L));
            String right = totp.code(secret, at);
            String wrong = String.format("%06d", (Integer.parseInt(right) + 1 + random.nextInt(999_998)) % 1_000_000);
            boolean wrongIsNeighbour = wrong.equals(totp.code(secret, at.minus(TotpCodes.STEP)))
                    || wrong.equals(totp.code(secret, at.plus(TotpCodes.STEP)));
            assertThat(totp.verify(secret, right, at, -1)).as("seed %d case %d", seed, n).isPresent();
            assertThat(totp.verify(secret, wrong, at, -1).isPresent()).as("seed %d case %d", seed, n)
                    .isEqualTo(wrongIsNeighbour);
        }
    }

    @Test
    void theEnrolmentUriIsTheKeyUriFormatAndItsQrCodeIsPlainSvg() {
        byte[] secret = SEED_SHA1;
        assertThat(TotpCodes.base32(secret)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(TotpCodes.uri("Banso", "k.sato", secret)).isEqualTo("otpauth://totp/Banso:k.sato?secret="
                + "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Banso&algorithm=SHA1&digits=6&period=30");
        String svg = TotpCodes.qrSvg(TotpCodes.uri("Banso", "k.sato", secret));
        assertThat(svg).startsWith("<svg").contains("<path fill=\"#000\" d=\"M").doesNotContain("<script", "style=");
    }

    @Test
    void recoveryCodesForgiveTypingButNotOtherCodes() {
        assertThat(RecoveryCodes.normalise(" abcd-efgh ijkl-mnop ")).isEqualTo("ABCDEFGH1JK1MN0P");
        assertThat(RecoveryCodes.looksLikeRecoveryCode("7K3M-9QXZ-2BD4-HT6V")).isTrue();
        assertThat(RecoveryCodes.looksLikeRecoveryCode("123456")).isFalse();
    }

    private static TotpCodes codes(String algorithm) {
        return new TotpCodes(new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 8, algorithm));
    }
}

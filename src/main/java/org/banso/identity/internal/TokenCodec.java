package org.banso.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * API tokens are opaque: a prefix and 256 random bits, base64url. Only their SHA-256 is stored, which is safe without
 * a salt because the tokens carry full entropy.
 */
final class TokenCodec {

    static final String PREFIX = "bns_";
    private static final Pattern FORMAT = Pattern.compile("bns_[A-Za-z0-9_-]{43}");
    private static final SecureRandom random = new SecureRandom();

    private TokenCodec() {
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored hash of a well-formed token; empty for anything that cannot be a token of ours. */
    static Optional<byte[]> hashOf(String token) {
        if (token == null || token.length() != 47 || !FORMAT.matcher(token).matches()) {
            return Optional.empty();
        }
        return Optional.of(sha256(token));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

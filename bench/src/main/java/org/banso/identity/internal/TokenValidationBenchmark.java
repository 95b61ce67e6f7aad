package org.banso.identity.internal;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CPU work an API request costs before its token reaches the database: {@link TokenCodec#hashOf(String)} checks
 * the format and hashes the token with SHA-256, and a malformed token is turned away without hashing. Issuing a token
 * ({@link TokenCodec#newToken()}) is measured alongside, since it draws from {@code SecureRandom}.
 *
 * <p>This class sits in {@code org.banso.identity.internal} to reach the package-private {@code TokenCodec}. Returned
 * values go to JMH's implicit blackhole, so the JIT cannot discard the work.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class TokenValidationBenchmark {

    /** A token as issued; in a field, not a constant, so it cannot be folded. */
    private String validToken;

    /**
     * The right length and prefix but a character outside base64url at the end: it passes the cheap length check and
     * is rejected by the pattern, the costlier of the two rejection paths.
     */
    private String malformedToken;

    @Setup
    public void setUp() {
        validToken = TokenCodec.newToken();
        malformedToken = validToken.substring(0, validToken.length() - 1) + "!";
        if (TokenCodec.hashOf(validToken).isEmpty() || TokenCodec.hashOf(malformedToken).isPresent()) {
            throw new IllegalStateException("TokenCodec no longer accepts what this benchmark assumes");
        }
    }

    @Benchmark
    public Optional<byte[]> hashOfValidToken() {
        return TokenCodec.hashOf(validToken);
    }

    @Benchmark
    public Optional<byte[]> hashOfMalformedToken() {
        return TokenCodec.hashOf(malformedToken);
    }

    @Benchmark
    public String newToken() {
        return TokenCodec.newToken();
    }
}

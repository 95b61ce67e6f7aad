package org.banso.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The offline verifier, started without Spring by {@code java -jar banso.jar audit …}:
 *
 * <pre>
 * audit verify      --entries entries.json --checkpoint checkpoint.txt --key "&lt;verifier key&gt;"
 * audit consistency --old old.txt --new new.txt --proof proof.json --key "&lt;verifier key&gt;"
 * </pre>
 *
 * {@code entries.json} is the body of {@code GET /api/v1/audit/entries} (or a JSON array of such bodies, for
 * several pages); {@code proof.json} the body of {@code GET /api/v1/audit/proofs/consistency}. Exit status 0 when
 * everything verifies, 1 when it does not, 2 on a usage error.
 */
public final class AuditCommandLine {

    private AuditCommandLine() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || !args[0].equals("audit")) {
            return usage(err);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 2; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        try {
            Optional<LogVerifier.VerifierKey> key = LogVerifier.VerifierKey.parse(options.get("--key"));
            if (key.isEmpty()) {
                err.println("--key must be a note verifier key <name>+<key id>+<base64 key> (GET /api/v1/audit/public-key)");
                return 2;
            }
            return switch (args[1]) {
                case "verify" -> verify(options, key.get(), out);
                case "consistency" -> consistency(options, key.get(), out);
                default -> usage(err);
            };
        } catch (IOException | RuntimeException e) {
            err.println("Could not verify: " + e.getMessage());
            return 2;
        }
    }

    private static int verify(Map<String, String> options, LogVerifier.VerifierKey key, PrintStream out)
            throws IOException {
        Optional<LogVerifier.Checkpoint> checkpoint = checkpoint(options, "--checkpoint", key, out);
        if (checkpoint.isEmpty()) {
            return 1;
        }
        List<byte[]> leaves = leaves(read(options, "--entries"));
        LogVerifier.Verdict verdict = LogVerifier.verifyLeaves(leaves, checkpoint.get());
        out.println((verdict.ok() ? "OK: " : "FAILED: ") + verdict.message());
        return verdict.ok() ? 0 : 1;
    }

    private static int consistency(Map<String, String> options, LogVerifier.VerifierKey key, PrintStream out)
            throws IOException {
        Optional<LogVerifier.Checkpoint> older = checkpoint(options, "--old", key, out);
        Optional<LogVerifier.Checkpoint> newer = checkpoint(options, "--new", key, out);
        if (older.isEmpty() || newer.isEmpty()) {
            return 1;
        }
        JsonNode body = JsonMapper.builder().build().readTree(read(options, "--proof"));
        List<byte[]> proof = new ArrayList<>();
        body.get("proof").forEach(h -> proof.add(Base64.getDecoder().decode(h.asString())));
        boolean ok = LogVerifier.verifyConsistency(older.get().size(), newer.get().size(), older.get().root(),
                newer.get().root(), proof);
        out.println(ok ? "OK: the checkpoint of size " + newer.get().size() + " extends the one of size "
                + older.get().size() + "."
                : "FAILED: the checkpoints of sizes " + older.get().size() + " and " + newer.get().size()
                + " are not consistent with this proof.");
        return ok ? 0 : 1;
    }

    private static Optional<LogVerifier.Checkpoint> checkpoint(Map<String, String> options, String option,
                                                               LogVerifier.VerifierKey key, PrintStream out)
            throws IOException {
        Optional<LogVerifier.Checkpoint> checkpoint = LogVerifier.openCheckpoint(read(options, option), key);
        if (checkpoint.isEmpty()) {
            out.println("FAILED: " + options.get(option) + " is not a checkpoint signed by " + key.name() + ".");
        }
        return checkpoint;
    }

    /** The leaves of an entries export, checked to be contiguous from index 0. */
    static List<byte[]> leaves(String json) {
        JsonNode root = JsonMapper.builder().build().readTree(json);
        List<JsonNode> pages = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(pages::add);
        } else {
            pages.add(root);
        }
        List<byte[]> leaves = new ArrayList<>();
        for (JsonNode page : pages) {
            for (JsonNode entry : page.get("entries")) {
                if (entry.get("index").asLong() != leaves.size()) {
                    throw new IllegalArgumentException("entries must run from index 0 without gaps; expected "
                            + leaves.size() + ", found " + entry.get("index").asLong());
                }
                leaves.add(Base64.getDecoder().decode(entry.get("leaf").asString()));
            }
        }
        return leaves;
    }

    private static String read(Map<String, String> options, String option) throws IOException {
        String file = options.get(option);
        if (file == null) {
            throw new IllegalArgumentException(option + " is missing");
        }
        return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    }

    private static int usage(PrintStream err) {
        err.println("""
                usage: java -jar banso.jar audit verify --entries entries.json --checkpoint checkpoint.txt --key KEY
                       java -jar banso.jar audit consistency --old old.txt --new new.txt --proof proof.json --key KEY""");
        return 2;
    }
}

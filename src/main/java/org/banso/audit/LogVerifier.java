package org.banso.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Everything needed to check the transparency log without trusting the server, in plain Java (no Spring): the
 * RFC 6962 / RFC 9162 tree hashing, inclusion and consistency proof verification, and C2SP signed-note checkpoints
 * with Ed25519. The server uses the same code to build its tree and sign its checkpoints; the command-line verifier
 * ({@link AuditCommandLine}) uses it offline.
 */
public final class LogVerifier {

    public static final int HASH_LENGTH = 32;
    /** The Ed25519 signature type byte of C2SP signed notes. */
    static final byte ED25519_TYPE = 0x01;
    private static final byte[] X509_ED25519_PREFIX = hex("302a300506032b6570032100");

    private LogVerifier() {
    }

    // ---------------------------------------------------------------- hashing (RFC 9162 § 2.1.1)

    public static byte[] leafHash(byte[] leaf) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        sha.update(leaf);
        return sha.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** The root of the empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** The tree head of the given leaves (their bytes, not their hashes). */
    public static byte[] rootOf(List<byte[]> leaves) {
        Frontier frontier = new Frontier();
        for (byte[] leaf : leaves) {
            frontier.append(leafHash(leaf));
        }
        return frontier.root();
    }

    /**
     * The right edge of a tree: the roots of its complete subtrees from the largest to the smallest (one per set bit
     * of the size). Enough to append leaves and compute the root in O(log n) memory.
     */
    public static final class Frontier {

        private final List<byte[]> peaks = new ArrayList<>();
        private long size;

        public Frontier() {
        }

        /**
         * The frontier of a stored tree, from its complete subtree hashes.
         *
         * @param nodes the hash of the complete subtree {@code (level, index)}, covering leaves
         *              {@code [index * 2^level, (index + 1) * 2^level)}
         */
        public static Frontier of(long size, NodeSource nodes) {
            Frontier frontier = new Frontier();
            long start = 0;
            for (int level = 63; level >= 0; level--) {
                if ((size & (1L << level)) != 0) {
                    frontier.peaks.add(nodes.node(level, start >>> level));
                    start += 1L << level;
                }
            }
            frontier.size = size;
            return frontier;
        }

        /** Appends a leaf hash; answers the complete subtrees (level ≥ 1) this append finished. */
        public List<CompletedNode> append(byte[] leafHash) {
            List<CompletedNode> completed = new ArrayList<>(2);
            byte[] hash = leafHash;
            long index = size;
            int level = 0;
            while ((index & 1) == 1) {
                hash = nodeHash(peaks.remove(peaks.size() - 1), hash);
                index >>>= 1;
                level++;
                completed.add(new CompletedNode(level, index, hash));
            }
            peaks.add(hash);
            size++;
            return completed;
        }

        public long size() {
            return size;
        }

        public byte[] root() {
            if (peaks.isEmpty()) {
                return emptyRoot();
            }
            byte[] root = peaks.get(peaks.size() - 1);
            for (int i = peaks.size() - 2; i >= 0; i--) {
                root = nodeHash(peaks.get(i), root);
            }
            return root;
        }
    }

    /** The hash of a complete subtree, as a store keeps it. */
    public record CompletedNode(int level, long index, byte[] hash) {
    }

    /** Where complete subtree hashes come from (a database, an array). */
    @FunctionalInterface
    public interface NodeSource {
        byte[] node(int level, long index);
    }

    // ---------------------------------------------------------------- proofs (RFC 9162 § 2.1.3.2, § 2.1.4.2)

    /** Whether {@code proof} shows the leaf with hash {@code leafHash} at {@code index} in the tree {@code root}. */
    public static boolean verifyInclusion(long index, long treeSize, byte[] leafHash, List<byte[]> proof,
                                          byte[] root) {
        if (index < 0 || index >= treeSize || !wellFormed(leafHash) || !wellFormed(root) || !allWellFormed(proof)) {
            return false;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /** Whether {@code proof} shows that the tree {@code newRoot} of {@code newSize} extends {@code oldRoot}. */
    public static boolean verifyConsistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot,
                                            List<byte[]> proof) {
        if (oldSize < 1 || oldSize > newSize || !wellFormed(oldRoot) || !wellFormed(newRoot)
                || !allWellFormed(proof)) {
            return false;
        }
        if (oldSize == newSize) {
            return proof.isEmpty() && MessageDigest.isEqual(oldRoot, newRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> c = new ArrayList<>(proof.size() + 1);
        if (Long.bitCount(oldSize) == 1) {
            c.add(oldRoot);
        }
        c.addAll(proof);
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = c.get(0);
        byte[] sr = c.get(0);
        for (byte[] p : c.subList(1, c.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(p, fr);
                sr = nodeHash(p, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>>= 1;
                        sn >>>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, oldRoot) && MessageDigest.isEqual(sr, newRoot);
    }

    private static boolean wellFormed(byte[] hash) {
        return hash != null && hash.length == HASH_LENGTH;
    }

    private static boolean allWellFormed(List<byte[]> hashes) {
        return hashes != null && hashes.stream().allMatch(LogVerifier::wellFormed);
    }

    // ---------------------------------------------------------------- checkpoints (C2SP tlog-checkpoint, signed-note)

    /** The body of a checkpoint: {@code <origin>\n<size>\n<base64 root>\n}. */
    public static String checkpointBody(String origin, long size, byte[] root) {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    }

    /** A note verifier key {@code <name>+<hex key id>+<base64(0x01 || public key)>}. */
    public record VerifierKey(String name, byte[] keyId, byte[] publicKey) {

        public static VerifierKey of(String name, byte[] rawPublicKey) {
            return new VerifierKey(name, LogVerifier.keyId(name, rawPublicKey), rawPublicKey.clone());
        }

        /** Parses a verifier key string; answers empty if it is malformed or its id does not match its key. */
        public static Optional<VerifierKey> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            String[] parts = text.strip().split("\\+", 3);
            if (parts.length != 3 || parts[0].isEmpty() || !parts[1].matches("[0-9a-f]{8}")) {
                return Optional.empty();
            }
            byte[] encoded;
            try {
                encoded = Base64.getDecoder().decode(parts[2]);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (encoded.length != 33 || encoded[0] != ED25519_TYPE) {
                return Optional.empty();
            }
            VerifierKey key = of(parts[0], Arrays.copyOfRange(encoded, 1, 33));
            return Arrays.equals(key.keyId(), hex(parts[1])) ? Optional.of(key) : Optional.empty();
        }

        public String keyIdHex() {
            return toHex(keyId);
        }

        @Override
        public String toString() {
            byte[] encoded = new byte[33];
            encoded[0] = ED25519_TYPE;
            System.arraycopy(publicKey, 0, encoded, 1, 32);
            return name + "+" + keyIdHex() + "+" + Base64.getEncoder().encodeToString(encoded);
        }

        public boolean verify(byte[] message, byte[] signature) {
            try {
                byte[] x509 = new byte[X509_ED25519_PREFIX.length + 32];
                System.arraycopy(X509_ED25519_PREFIX, 0, x509, 0, X509_ED25519_PREFIX.length);
                System.arraycopy(publicKey, 0, x509, X509_ED25519_PREFIX.length, 32);
                PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(key);
                verifier.update(message);
                return verifier.verify(signature);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }
    }

    /** The key id of C2SP signed notes: the first four bytes of SHA-256(name || 0x0A || 0x01 || public key). */
    public static byte[] keyId(String name, byte[] rawPublicKey) {
        MessageDigest sha = sha256();
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0x0A);
        sha.update(ED25519_TYPE);
        sha.update(rawPublicKey);
        return Arrays.copyOf(sha.digest(), 4);
    }

    /** A checkpoint whose signature by the verifier key has been checked. */
    public record Checkpoint(String origin, long size, byte[] root, String note) {
    }

    /**
     * Opens a signed note: answers the checkpoint if the note is well-formed, its origin is the key's name and one
     * of its signature lines is a valid Ed25519 signature by {@code key} over the body; empty otherwise.
     */
    public static Optional<Checkpoint> openCheckpoint(String note, VerifierKey key) {
        if (note == null) {
            return Optional.empty();
        }
        int split = note.indexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            return Optional.empty();
        }
        String body = note.substring(0, split + 1);
        String[] lines = body.split("\n", -1);
        if (lines.length < 4 || !lines[0].equals(key.name()) || !lines[1].matches("0|[1-9][0-9]{0,18}")) {
            return Optional.empty();
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (root.length != HASH_LENGTH) {
            return Optional.empty();
        }
        boolean signed = false;
        for (String line : note.substring(split + 2).split("\n")) {
            String prefix = "\u2014 " + key.name() + " ";
            if (!line.startsWith(prefix)) {
                continue;
            }
            byte[] signature;
            try {
                signature = Base64.getDecoder().decode(line.substring(prefix.length()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (signature.length == 68 && Arrays.equals(Arrays.copyOf(signature, 4), key.keyId())
                    && key.verify(body.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(signature, 4, 68))) {
                signed = true;
            }
        }
        return signed ? Optional.of(new Checkpoint(lines[0], Long.parseLong(lines[1]), root, note))
                : Optional.empty();
    }

    // ---------------------------------------------------------------- whole logs

    /** The outcome of checking leaves against a checkpoint. */
    public record Verdict(boolean ok, String message) {
    }

    /**
     * Recomputes the tree of the first {@code checkpoint.size()} leaves (the leaves as exported, index 0 first) and
     * compares its root with the signed one.
     */
    public static Verdict verifyLeaves(List<byte[]> leaves, Checkpoint checkpoint) {
        if (leaves.size() < checkpoint.size()) {
            return new Verdict(false, "The export holds " + leaves.size() + " entries; the checkpoint covers "
                    + checkpoint.size() + ".");
        }
        byte[] root = rootOf(leaves.subList(0, (int) checkpoint.size()));
        if (!MessageDigest.isEqual(root, checkpoint.root())) {
            return new Verdict(false, "The first " + checkpoint.size()
                    + " entries do not hash to the checkpoint's root: the log was altered.");
        }
        return new Verdict(true, "The first " + checkpoint.size() + " entries match the signed checkpoint.");
    }

    // ---------------------------------------------------------------- helpers

    public static String toHex(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            out.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return out.toString();
    }

    public static byte[] hex(String text) {
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

package org.banso.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.banso.audit.LogVerifier;
import org.banso.audit.LogVerifier.CompletedNode;
import org.junit.jupiter.api.Test;

/**
 * Seeded properties of the proofs the server builds from stored subtree hashes (R17): for sizes m ≤ n ≤ 2,000,
 * inclusion and consistency proofs verify against roots computed independently, and a single flipped bit anywhere
 * (proof, leaf, root) makes them fail. Every pair is checked up to n = 160; above, seeded random pairs plus all
 * powers of two and their neighbours. The seed and case are in every assertion message.
 */
class MerkleProofPropertiesTest {

    private static final long SEED = 0x5eed_2026_1125L;
    private static final int MAX = 2000;

    private final List<byte[]> leafHashes = new ArrayList<>();
    private final Map<Long, byte[]> nodes = new HashMap<>();
    private final List<byte[]> roots = new ArrayList<>();

    MerkleProofPropertiesTest() {
        LogVerifier.Frontier frontier = new LogVerifier.Frontier();
        roots.add(LogVerifier.emptyRoot());
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < MAX; i++) {
            byte[] leaf = new byte[random.nextInt(0, 40)];
            random.nextBytes(leaf);
            byte[] hash = LogVerifier.leafHash(leaf);
            leafHashes.add(hash);
            nodes.put(TreeStore.key(0, i), hash);
            for (CompletedNode node : frontier.append(hash)) {
                nodes.put(TreeStore.key(node.level(), node.index()), node.hash());
            }
            roots.add(frontier.root());
        }
    }

    @Test
    void theIncrementalRootEqualsTheRecursiveDefinition() { // R17
        for (int n = 1; n <= 300; n++) {
            assertThat(roots.get(n)).as("n=%d", n).isEqualTo(mth(0, n));
        }
        assertThat(roots.get(MAX)).isEqualTo(mth(0, MAX));
    }

    @Test
    void inclusionProofsVerifyAndAnyFlippedBitFails() { // R17
        SplittableRandom random = new SplittableRandom(SEED);
        int cases = 0;
        for (int n = 1; n <= 160; n++) {
            for (int m = 0; m < n; m++) {
                checkInclusion(m, n, random);
                cases++;
            }
        }
        for (int i = 0; i < 20_000; i++) {
            int n = random.nextInt(1, MAX + 1);
            checkInclusion(random.nextInt(0, n), n, random);
            cases++;
        }
        for (int p = 1; p <= 1024; p *= 2) {
            for (int n : new int[] {p - 1, p, p + 1}) {
                if (n >= 1) {
                    checkInclusion(0, n, random);
                    checkInclusion(n - 1, n, random);
                }
            }
        }
        assertThat(cases).isGreaterThan(30_000);
    }

    @Test
    void consistencyProofsVerifyAndAnyFlippedBitFails() { // R17
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int n = 1; n <= 160; n++) {
            for (int m = 1; m <= n; m++) {
                checkConsistency(m, n, random);
            }
        }
        for (int i = 0; i < 20_000; i++) {
            int n = random.nextInt(1, MAX + 1);
            checkConsistency(random.nextInt(1, n + 1), n, random);
        }
        for (int p = 1; p <= 1024; p *= 2) {
            checkConsistency(p, MAX, random);
            checkConsistency(p + 1, MAX, random);
        }
    }

    @Test
    void proofsBuiltFromStoredNodesMatchThePublishedVectors() { // R17
        Map<Long, byte[]> kat = new HashMap<>();
        LogVerifier.Frontier frontier = new LogVerifier.Frontier();
        for (int i = 0; i < 8; i++) {
            byte[] hash = LogVerifier.leafHash(org.banso.audit.LogVerifierTest.LEAVES.get(i));
            kat.put(TreeStore.key(0, i), hash);
            frontier.append(hash).forEach(node -> kat.put(TreeStore.key(node.level(), node.index()), node.hash()));
        }
        LogVerifier.NodeSource source = (level, index) -> kat.get(TreeStore.key(level, index));
        assertThat(hex(Proofs.inclusion(5, 8, source))).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(Proofs.consistency(6, 7, source))).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(Proofs.consistency(2, 5, source))).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    }

    private void checkInclusion(int m, int n, SplittableRandom random) {
        List<byte[]> proof = Proofs.inclusion(m, n, this::node);
        String why = "seed=" + SEED + " inclusion m=" + m + " n=" + n;
        byte[] root = roots.get(n);
        byte[] leaf = leafHashes.get(m);
        assertThat(LogVerifier.verifyInclusion(m, n, leaf, proof, root)).as(why).isTrue();
        if (!proof.isEmpty()) {
            int element = random.nextInt(proof.size());
            int bit = random.nextInt(256);
            assertThat(LogVerifier.verifyInclusion(m, n, leaf, flip(proof, element, bit), root))
                    .as(why + " flipped proof[%d] bit %d", element, bit).isFalse();
        }
        int bit = random.nextInt(256);
        assertThat(LogVerifier.verifyInclusion(m, n, flip(leaf, bit), proof, root)).as(why + " leaf bit " + bit)
                .isFalse();
        assertThat(LogVerifier.verifyInclusion(m, n, leaf, proof, flip(root, bit))).as(why + " root bit " + bit)
                .isFalse();
    }

    private void checkConsistency(int m, int n, SplittableRandom random) {
        List<byte[]> proof = Proofs.consistency(m, n, this::node);
        String why = "seed=" + SEED + " consistency m=" + m + " n=" + n;
        assertThat(LogVerifier.verifyConsistency(m, n, roots.get(m), roots.get(n), proof)).as(why).isTrue();
        if (!proof.isEmpty()) {
            int element = random.nextInt(proof.size());
            int bit = random.nextInt(256);
            assertThat(LogVerifier.verifyConsistency(m, n, roots.get(m), roots.get(n), flip(proof, element, bit)))
                    .as(why + " flipped proof[%d] bit %d", element, bit).isFalse();
        }
        int bit = random.nextInt(256);
        assertThat(LogVerifier.verifyConsistency(m, n, flip(roots.get(m), bit), roots.get(n), proof))
                .as(why + " old root bit " + bit).isFalse();
        assertThat(LogVerifier.verifyConsistency(m, n, roots.get(m), flip(roots.get(n), bit), proof))
                .as(why + " new root bit " + bit).isFalse();
    }

    private byte[] node(int level, long index) {
        byte[] hash = nodes.get(TreeStore.key(level, index));
        assertThat(hash).as("stored node %d/%d", level, index).isNotNull();
        return hash;
    }

    private byte[] mth(int start, int end) {
        if (end - start == 1) {
            return leafHashes.get(start);
        }
        int k = Integer.highestOneBit(end - start - 1);
        return LogVerifier.nodeHash(mth(start, start + k), mth(start + k, end));
    }

    private static List<byte[]> flip(List<byte[]> proof, int element, int bit) {
        List<byte[]> copy = new ArrayList<>(proof);
        copy.set(element, flip(proof.get(element), bit));
        return copy;
    }

    private static byte[] flip(byte[] hash, int bit) {
        byte[] copy = hash.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(LogVerifier::toHex).toList();
    }
}

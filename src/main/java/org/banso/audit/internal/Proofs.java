package org.banso.audit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.banso.audit.LogVerifier;
import org.banso.audit.LogVerifier.NodeSource;

/**
 * RFC 9162 § 2.1.3.1 (PATH) and § 2.1.4.1 (SUBPROOF) over stored complete-subtree hashes. Every left subtree of the
 * recursion is complete and aligned, so it is one stored row; the one incomplete right edge is folded from at most
 * log n rows. Proofs are built in two passes: the first records which rows are needed (the recursion does not depend
 * on hash values), one query fetches them, the second computes.
 */
final class Proofs {

    private Proofs() {
    }

    static List<byte[]> inclusion(long index, long size, NodeSource nodes) {
        List<byte[]> out = new ArrayList<>();
        path(index, 0, size, nodes, out);
        return out;
    }

    static List<byte[]> consistency(long oldSize, long newSize, NodeSource nodes) {
        List<byte[]> out = new ArrayList<>();
        subproof(oldSize, 0, newSize, true, nodes, out);
        return out;
    }

    /** Runs {@code proof} once to learn the rows it needs, fetches them in one go, and runs it again. */
    static List<byte[]> fetched(java.util.function.Function<NodeSource, List<byte[]>> proof, TreeStore store) {
        List<long[]> wanted = new ArrayList<>();
        byte[] placeholder = new byte[LogVerifier.HASH_LENGTH];
        proof.apply((level, index) -> {
            wanted.add(new long[] {level, index});
            return placeholder;
        });
        Map<Long, byte[]> rows = store.nodes(wanted);
        return proof.apply((level, index) -> {
            byte[] hash = rows.get(TreeStore.key(level, index));
            if (hash == null) {
                throw new IllegalStateException("The stored tree lacks node " + level + "/" + index);
            }
            return hash;
        });
    }

    private static void path(long m, long start, long n, NodeSource nodes, List<byte[]> out) {
        if (n <= 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, start, k, nodes, out);
            out.add(subtree(start + k, start + n, nodes));
        } else {
            path(m - k, start + k, n - k, nodes, out);
            out.add(subtree(start, start + k, nodes));
        }
    }

    private static void subproof(long m, long start, long n, boolean whole, NodeSource nodes, List<byte[]> out) {
        if (m == n) {
            if (!whole) {
                out.add(subtree(start, start + n, nodes));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, k, whole, nodes, out);
            out.add(subtree(start + k, start + n, nodes));
        } else {
            subproof(m - k, start + k, n - k, false, nodes, out);
            out.add(subtree(start, start + k, nodes));
        }
    }

    /** MTH(D[start:end]). */
    static byte[] subtree(long start, long end, NodeSource nodes) {
        long size = end - start;
        if (Long.bitCount(size) == 1 && start % size == 0) {
            int level = Long.numberOfTrailingZeros(size);
            return nodes.node(level, start >>> level);
        }
        long k = largestPowerOfTwoBelow(size);
        return LogVerifier.nodeHash(subtree(start, start + k, nodes), subtree(start + k, end, nodes));
    }

    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }
}

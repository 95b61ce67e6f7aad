package org.banso.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.banso.identity.BansoUser;

/**
 * The audit module's facade. Reading entries and inclusion proofs is for AUDITORs; the checkpoint, the verifier
 * key and consistency proofs are public (they carry hashes only, and a checkpoint holder needs them to check that
 * the log only grew).
 */
public interface AuditLog {

    /** The latest signed checkpoint note (of the empty tree, freshly signed, before anything was logged). */
    String latestCheckpoint();

    /** The latest checkpoint, opened with this instance's verifier key. */
    LogVerifier.Checkpoint latest();

    /** One entry, for an AUDITOR. */
    Optional<AuditEntry> entry(long index, BansoUser caller);

    /** The kinds of event the log holds, for the auditor's filter. */
    List<String> kinds(BansoUser caller);

    /** The note verifier key of the checkpoint signing key. */
    String verifierKey();

    /** Entries {@code [from, to)} of the log; at most {@link #MAX_PAGE} at once. */
    List<AuditEntry> entries(long from, long to, BansoUser caller);

    /** Entries matching the filter, newest first. */
    List<AuditEntry> search(EntryFilter filter, BansoUser caller);

    /** The RFC 9162 inclusion proof of entry {@code index} in the tree of {@code treeSize} (a checkpointed size). */
    List<byte[]> inclusionProof(long index, long treeSize, BansoUser caller);

    /** The RFC 9162 consistency proof between two checkpointed sizes, {@code 1 ≤ from ≤ to}. */
    List<byte[]> consistencyProof(long from, long to);

    /** Recomputes the whole tree from the stored leaves and checks it against every signed checkpoint. */
    VerificationReport verify(BansoUser caller);

    int MAX_PAGE = 1000;

    /** Filters of the auditor's entry browser; null fields do not filter. */
    record EntryFilter(UUID actor, UUID council, UUID item, String kind, Instant from, Instant to, int limit) {
    }

    /**
     * @param firstBadIndex the first entry whose leaf no longer matches, when verification failed
     */
    record VerificationReport(boolean ok, long treeSize, int checkpointsChecked, Long firstBadIndex, String message,
                              long millis) {
    }
}

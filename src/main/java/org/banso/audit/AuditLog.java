package org.banso.audit;

import java.util.List;
import java.util.Optional;

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

    /** Entries from {@code from} (inclusive) to {@code to} (exclusive); at most {@link #MAX_PAGE} at once. */
    List<AuditEntry> entries(long from, long to, BansoUser caller);

    /** Entries matching the filter, newest first. */
    List<AuditEntry> search(EntryFilter filter, BansoUser caller);

    /** The RFC 9162 inclusion proof of entry {@code index} in the tree of {@code treeSize} (a checkpointed size). */
    List<byte[]> inclusionProof(long index, long treeSize, BansoUser caller);

    /** The RFC 9162 consistency proof between two tree sizes, {@code 1 <= from <= to <= size}. */
    List<byte[]> consistencyProof(long from, long to);

    /** Recomputes the whole tree from the stored leaves and checks it against every signed checkpoint. */
    VerificationReport verify(BansoUser caller);

    int MAX_PAGE = 1000;
}

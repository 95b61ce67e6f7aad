package org.banso.audit.internal;

import java.security.MessageDigest;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.banso.audit.AuditEntry;
import org.banso.audit.AuditLog;
import org.banso.audit.VerificationReport;
import org.banso.audit.EntryFilter;
import org.banso.audit.LogVerifier;
import org.banso.audit.LogVerifier.Frontier;
import org.banso.audit.LogVerifier.VerifierKey;
import org.banso.identity.BansoUser;
import org.banso.identity.Role;
import org.banso.shared.BansoException;
import org.banso.shared.ProblemCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AuditService implements AuditLog {

    private final TreeStore store;
    private final CheckpointSigner signer;

    AuditService(TreeStore store, CheckpointSigner signer) {
        this.store = store;
        this.signer = signer;
    }

    @Override
    @Transactional(readOnly = true)
    public String latestCheckpoint() {
        return store.latestCheckpoint().map(TreeStore.StoredCheckpoint::note)
                .orElseGet(() -> signer.sign(LogVerifier.checkpointBody(signer.verifierKey().name(), 0,
                        LogVerifier.emptyRoot())));
    }

    @Override
    @Transactional(readOnly = true)
    public LogVerifier.Checkpoint latest() {
        return LogVerifier.openCheckpoint(latestCheckpoint(), signer.verifierKey())
                .orElseThrow(() -> new IllegalStateException("The latest checkpoint does not verify"));
    }

    @Override
    public String verifierKey() {
        return signer.verifierKey().toString();
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditEntry> entries(long from, long to, BansoUser caller) {
        requireAuditor(caller);
        if (from < 0) {
            throw BansoException.invalid("from", "must be 0 or more");
        }
        if (to <= from) {
            throw BansoException.invalid("to", "must be greater than from");
        }
        if (to - from > MAX_PAGE) {
            throw BansoException.invalid("to", "at most " + MAX_PAGE + " entries per request");
        }
        return store.entries(from, to);
    }

    @Override
    @Transactional(readOnly = true)
    public List<AuditEntry> search(EntryFilter filter, BansoUser caller) {
        requireAuditor(caller);
        int limit = Math.max(1, Math.min(filter.limit(), MAX_PAGE));
        return store.search(new EntryFilter(filter.actor(), filter.council(), filter.item(),
                filter.kind() == null || filter.kind().isBlank() ? null : filter.kind().strip(), filter.from(),
                filter.to(), filter.before(), limit));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AuditEntry> entry(long index, BansoUser caller) {
        requireAuditor(caller);
        return store.entry(index);
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> kinds(BansoUser caller) {
        requireAuditor(caller);
        return store.kinds();
    }

    @Override
    @Transactional(readOnly = true)
    public List<byte[]> inclusionProof(long index, long treeSize, BansoUser caller) {
        requireAuditor(caller);
        long size = store.size();
        if (treeSize < 1 || treeSize > size) {
            throw BansoException.invalid("treeSize", "must be between 1 and the log's size (" + size + ")");
        }
        if (index < 0 || index >= treeSize) {
            throw BansoException.invalid("index", "must be between 0 and treeSize - 1");
        }
        return Proofs.fetched(nodes -> Proofs.inclusion(index, treeSize, nodes), store);
    }

    @Override
    @Transactional(readOnly = true)
    public List<byte[]> consistencyProof(long from, long to) {
        long size = store.size();
        if (to < 1 || to > size) {
            throw BansoException.invalid("to", "must be between 1 and the log's size (" + size + ")");
        }
        if (from < 1 || from > to) {
            throw BansoException.invalid("from", "must be between 1 and to");
        }
        return Proofs.fetched(nodes -> Proofs.consistency(from, to, nodes), store);
    }

    @Override
    @Transactional(readOnly = true)
    public VerificationReport verify(BansoUser caller) {
        requireAuditor(caller);
        long started = System.nanoTime();
        Map<String, VerifierKey> keys = signer.allVerifierKeys();
        List<TreeStore.StoredCheckpoint> checkpoints = store.checkpoints();
        Verification v = new Verification(checkpoints.iterator(), keys);
        store.forEachLeaf(v::accept);
        v.finish();
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new VerificationReport(v.firstBad == null, v.frontier.size(), v.checked, v.firstBad,
                v.firstBad == null ? "The " + v.frontier.size() + " entries match all " + v.checked
                        + " signed checkpoints." : v.problem, millis);
    }

    /** Streams the leaves through a fresh tree, comparing each leaf with its hash and each signed root. */
    private static final class Verification {

        final Frontier frontier = new Frontier();
        final Iterator<TreeStore.StoredCheckpoint> checkpoints;
        final Map<String, VerifierKey> keys;
        TreeStore.StoredCheckpoint next;
        long lastGoodCheckpoint;
        int checked;
        Long firstBad;
        String problem;

        Verification(Iterator<TreeStore.StoredCheckpoint> checkpoints, Map<String, VerifierKey> keys) {
            this.checkpoints = checkpoints;
            this.keys = keys;
            this.next = checkpoints.hasNext() ? checkpoints.next() : null;
            skipEmpty();
        }

        void accept(TreeStore.StoredLeaf leaf) {
            if (firstBad != null) {
                return;
            }
            if (leaf.index() != frontier.size()) {
                fail(frontier.size(), "Entry " + frontier.size() + " is missing.");
                return;
            }
            byte[] hash = LogVerifier.leafHash(leaf.leaf());
            if (!MessageDigest.isEqual(hash, leaf.leafHash())) {
                fail(leaf.index(), "Entry " + leaf.index() + " no longer matches its hash: it was altered.");
                return;
            }
            frontier.append(hash);
            while (next != null && next.size() == frontier.size() && firstBad == null) {
                check(next);
                next = checkpoints.hasNext() ? checkpoints.next() : null;
            }
        }

        void finish() {
            if (firstBad == null && next != null) {
                fail(frontier.size(), "The checkpoint of size " + next.size() + " covers entries the log lacks "
                        + "from entry " + frontier.size() + " on.");
            }
        }

        private void check(TreeStore.StoredCheckpoint checkpoint) {
            VerifierKey key = keys.get(checkpoint.keyId());
            Optional<LogVerifier.Checkpoint> opened = key == null ? Optional.empty()
                    : LogVerifier.openCheckpoint(checkpoint.note(), key);
            if (opened.isEmpty() || opened.get().size() != checkpoint.size()) {
                fail(lastGoodCheckpoint, "The checkpoint of size " + checkpoint.size()
                        + " does not carry a valid signature.");
                return;
            }
            if (!MessageDigest.isEqual(opened.get().root(), frontier.root())) {
                fail(lastGoodCheckpoint, "Entries " + lastGoodCheckpoint + " to " + (checkpoint.size() - 1)
                        + " do not hash to the signed checkpoint of size " + checkpoint.size()
                        + ": one of them was altered.");
                return;
            }
            lastGoodCheckpoint = checkpoint.size();
            checked++;
        }

        private void skipEmpty() {
            while (next != null && next.size() == 0) {
                next = checkpoints.hasNext() ? checkpoints.next() : null;
            }
        }

        private void fail(long index, String message) {
            firstBad = index;
            problem = message;
        }
    }

    static void requireAuditor(BansoUser caller) {
        if (caller == null || !caller.hasRole(Role.AUDITOR)) {
            throw new BansoException(ProblemCode.FORBIDDEN, "Only an auditor may read the audit log.");
        }
    }
}

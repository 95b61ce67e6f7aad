package org.banso.information.internal.tracing;

import java.time.Instant;
import java.util.Optional;

import org.banso.council.CouncilId;
import org.banso.identity.UserId;
import org.banso.information.ItemId;

/**
 * Per-recipient fingerprinted copies of DOWNLOAD_TRACED content and the way back from a leaked copy to its recipient
 * (R17). PDF: a visible footer (recipient, organization, time) and an invisible fingerprint that survives re-saving;
 * text formats (CSV, TXT, Markdown, JSON): an invisible fingerprint that survives copying any paragraph of 200 or more
 * characters. Other formats are not traceable and so are view-only.
 */
public interface TracedCopies {

    boolean traceable(String mediaType);

    /**
     * Makes the copy, records who received which fingerprint in the caller's transaction and publishes
     * {@link org.banso.information.InformationEvents.TracedCopyIssued}. The plaintext stays in memory.
     */
    TracedCopy issue(ItemId item, CouncilId council, int version, String mediaType, byte[] plaintext,
                     Recipient recipient, Instant at);

    /** Finds the recipient of a leaked file or pasted text (UTF-8 bytes); empty when no fingerprint is found. */
    Optional<TraceResult> trace(byte[] leaked);

    /**
     * The copy that carries this fingerprint (16 hex digits), if one was issued. By default traced through the
     * fingerprint's text token, as if it had been pasted.
     */
    default Optional<TraceResult> find(String fingerprint) {
        if (fingerprint == null || !fingerprint.matches("[0-9a-f]{16}")) {
            return Optional.empty();
        }
        return trace(Fingerprints.token(fingerprint).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    record Recipient(UserId user, String displayName, String organizationName) {
    }

    record TracedCopy(byte[] bytes, String fingerprint) {
    }

    record TraceResult(ItemId item, UserId recipient, Instant downloadedAt, String fingerprint) {
    }
}

package org.banso.audit;

/**
 * The outcome of a full verification of the stored log.
 *
 * @param firstBadIndex the first entry that no longer matches (or the first of the range a failed checkpoint
 *                      covers), when verification failed
 */
public record VerificationReport(boolean ok, long treeSize, int checkpointsChecked, Long firstBadIndex,
                                 String message, long millis) {
}

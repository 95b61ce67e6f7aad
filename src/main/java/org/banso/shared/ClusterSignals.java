package org.banso.shared;

/**
 * Wake-ups between the nodes of a cluster (PostgreSQL {@code NOTIFY}, received on the cache listener's own
 * connection). A signal may be lost (a connection drops): whoever subscribes also looks on a timer.
 */
public interface ClusterSignals {

    /** This node's name (configured, or the host name and process id). */
    String node();

    /**
     * Runs {@code onSignal} after a notification on {@code channel} (lower-case letters and '_'), on a thread of its
     * own: signals arriving while it runs are folded into one more run.
     */
    void subscribe(String channel, Runnable onSignal);
}

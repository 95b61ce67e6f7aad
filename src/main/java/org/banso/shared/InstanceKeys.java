package org.banso.shared;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The keys of the Banso instance (the audit signing key, the content key-encryption keys) are the same on every node:
 * the database records a fingerprint of each version when it is first created or first seen, and a node whose key
 * store lacks a recorded version, or holds a different one, refuses to start rather than minting keys of its own
 * (issue #19). Only a node allowed by {@code banso.keys.may-create} (the default, for the zero-setup single node) may
 * create the first version of a key.
 */
public interface InstanceKeys {

    /**
     * Makes sure this node holds the instance's versions of key {@code name}, under a cluster-wide lock: every recorded
     * version must be held with the same fingerprint; versions held and not yet recorded are recorded; when neither
     * exists, {@code create} makes the first version (into this node's key store) if this node may create keys.
     *
     * @param held   the versions this node's key store holds (id → material), read again after {@code create}
     * @param create makes the first version
     * @throws IllegalStateException saying what to mount or configure, when this node must not start
     */
    void ensure(String name, Supplier<Map<String, byte[]>> held, Runnable create);

    /** Records a version just made (a rotation): refused when another node recorded a different one by that id. */
    void record(String name, String version, byte[] material);
}

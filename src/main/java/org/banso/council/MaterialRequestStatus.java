package org.banso.council;

/** A material request is answered once: with items, or declined with a reason (R11). */
public enum MaterialRequestStatus {
    REQUESTED,
    FULFILLED,
    DECLINED
}

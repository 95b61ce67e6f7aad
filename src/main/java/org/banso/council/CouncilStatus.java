package org.banso.council;

public enum CouncilStatus {
    PROPOSED,
    ESTABLISHED,
    DISSOLVED
}

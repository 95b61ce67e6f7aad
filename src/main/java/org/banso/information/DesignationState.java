package org.banso.information;

/** Where a designation stands on the clock: before its period, within it, or released after it (R15). */
public enum DesignationState {
    PENDING, ACTIVE, RELEASED
}

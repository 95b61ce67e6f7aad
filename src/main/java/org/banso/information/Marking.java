package org.banso.information;

/**
 * How an item is marked at one instant, always computed from its designations and the clock at request time (R15,
 * R16), never read from a stored flag that a job has to update.
 */
public enum Marking {
    /** Anyone, also without signing in. */
    PUBLIC,
    /** Current participants' members of the item's council who signed its current pledge (R12). */
    COUNCIL,
    /** Only the scope of every designation in force on the item (R15, R17). */
    CONTROLLED
}

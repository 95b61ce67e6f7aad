package org.banso.information;

/** Everything a person can do with an item; the access policy decides each of them (R17). */
public enum InformationAction {
    LIST,
    /** Know that the item exists and its title (listings, search hits, a designation's targets). */
    METADATA,
    /**
     * Open the item: its page or record with its versions, the way to its content. Like {@link #VIEW} and
     * {@link #DOWNLOAD}, a CONTROLLED item needs a fresh second factor for it (step-up, issue 18).
     */
    OPEN,
    /** See the content in the page viewer. */
    VIEW,
    /** Take the bytes away (API content, downloads, exports). */
    DOWNLOAD,
    PUBLISH,
    NEW_VERSION
}

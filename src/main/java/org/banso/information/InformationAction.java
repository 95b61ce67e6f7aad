package org.banso.information;

/** Everything a person can do with an item; the access policy decides each of them (R17). */
public enum InformationAction {
    LIST,
    METADATA,
    /** See the content in the page viewer. */
    VIEW,
    /** Take the bytes away (API content, downloads, exports). */
    DOWNLOAD,
    PUBLISH,
    NEW_VERSION
}

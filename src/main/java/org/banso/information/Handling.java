package org.banso.information;

/** How controlled content may leave the system (R15, R17). */
public enum Handling {
    /** Shown only as watermarked page images in the viewer; never downloadable. */
    VIEW_ONLY,
    /** Downloadable as a per-recipient fingerprinted copy. */
    DOWNLOAD_TRACED
}

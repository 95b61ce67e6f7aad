package org.banso.information.internal.tracing;

/**
 * The page viewer of council items (R17): pages rendered as images carrying a visible watermark with the viewer's
 * name, organization and time, so that nothing but pixels leaves the server. The only way to read VIEW_ONLY content;
 * for other items a way to read in the browser beside the download.
 */
public interface PageViewer {

    /** Whether the media type can be shown as page images (PDF, plain-text formats, PNG and JPEG images). */
    boolean viewable(String mediaType);

    int pageCount(String mediaType, byte[] plaintext);

    /** One page (0-based) as PNG with the watermark drawn across it. */
    byte[] renderPng(String mediaType, byte[] plaintext, int page, String watermark);
}

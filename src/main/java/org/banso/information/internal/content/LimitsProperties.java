package org.banso.information.internal.content;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one document may cost when it is opened (issue #13: no input may exhaust the memory).
 *
 * @param maxDecodedSize    the most all of a document's compressed parts (PDF streams, archive entries) may expand to
 * @param maxImagePixels    the largest image, by its header's width × height (PNG, JPEG, images inside a PDF)
 * @param maxArchiveEntries the most entries an Office Open XML archive may hold
 * @param maxArchiveRatio   the largest expansion of one archive entry over 1 MB (uncompressed ÷ compressed)
 * @param maxPdfPages       the most pages a PDF may have
 * @param maxPagePixels     the largest page the viewer renders, in pixels at its resolution
 * @param concurrentRenders how many pages the viewer renders at once (each takes up to {@code maxPagePixels} × 4
 *                          bytes)
 * @param renderWait        how long a view waits for a render slot before {@code 503 service-unavailable}
 */
@ConfigurationProperties("banso.information.limits")
record LimitsProperties(
        @DefaultValue("256MB") DataSize maxDecodedSize,
        @DefaultValue("50000000") long maxImagePixels,
        @DefaultValue("10000") int maxArchiveEntries,
        @DefaultValue("100") int maxArchiveRatio,
        @DefaultValue("10000") int maxPdfPages,
        @DefaultValue("20000000") long maxPagePixels,
        @DefaultValue("2") int concurrentRenders,
        @DefaultValue("2s") Duration renderWait) {
}

package org.banso.information.internal;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxDesignationPeriod the longest period a designation may state (R15); longer is {@code period-too-long}
 * @param reviewWindow         how long after its upload (or latest version) a council's research result that no
 *                             designation covers is published by default, until the council sets its own (R16)
 * @param maxReviewWindow      the longest review window a council may set (R16)
 * @param releaseJobDelay      the fixed delay between runs of the job that records releases (R16)
 * @param itemCacheSize        how many items' access facts are kept in memory (invalidated on every change)
 * @param listingPageSize      how many items one listing page holds at most
 */
@ConfigurationProperties("banso.information")
record InformationProperties(
        @DefaultValue("P5Y") Period maxDesignationPeriod,
        @DefaultValue("20s") Duration releaseJobDelay,
        @DefaultValue("100000") long itemCacheSize,
        @DefaultValue("200") int listingPageSize,
        @DefaultValue("60d") Duration reviewWindow,
        @DefaultValue("365d") Duration maxReviewWindow) {
}

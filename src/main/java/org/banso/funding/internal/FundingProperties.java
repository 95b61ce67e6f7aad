package org.banso.funding.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param indirectCostRatePercent indirect cost as a share of direct cost, in principle 30 % for the K Program */
@ConfigurationProperties("banso.funding")
record FundingProperties(Integer indirectCostRatePercent) {

    FundingProperties {
        if (indirectCostRatePercent == null) {
            indirectCostRatePercent = 30;
        }
        if (indirectCostRatePercent < 0 || indirectCostRatePercent > 100) {
            throw new IllegalArgumentException("banso.funding.indirect-cost-rate-percent must be 0–100");
        }
    }
}

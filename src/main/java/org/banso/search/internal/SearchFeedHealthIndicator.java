package org.banso.search.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of a node whose search index is far behind the other nodes' changes (#19): it reports
 * {@code OUT_OF_SERVICE} in {@code /actuator/health/readiness} (group {@code readiness} includes {@code searchFeed}),
 * so the load balancer sends its traffic to the other nodes while it catches up, instead of this node answering
 * searches with 503. "Far" is the same bound at which a search on it is refused; a node applying a long stretch of
 * the feed (past one batch) is not ready either. One bounded count per probe.
 */
@Component
class SearchFeedHealthIndicator implements HealthIndicator {

    private final SearchFeed feed;

    SearchFeedHealthIndicator(SearchFeed feed) {
        this.feed = feed;
    }

    @Override
    public Health health() {
        return !feed.catchingUp() && feed.nearlyCurrent() ? Health.up().build()
                : Health.outOfService().withDetail("reason", "the search index is catching up").build();
    }
}

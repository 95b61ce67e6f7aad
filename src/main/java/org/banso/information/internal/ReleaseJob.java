package org.banso.information.internal;

import static org.banso.information.internal.DesignationService.ts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.banso.council.CouncilId;
import org.banso.information.DesignationId;
import org.banso.information.InformationEvents;
import org.banso.information.ItemId;
import org.banso.information.Marking;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records each release (R16): finds designations whose period has ended and whose release is not yet recorded, records
 * it, leaves a notice for the council's members and publishes {@link InformationEvents.DesignationReleased} (the
 * audit log takes it); and, the same way, each research result that became public by default. Nobody has to act, and
 * the markings do not wait for it: they change at the end instant on every path. The scheduled run takes the cluster's
 * job lock, so one node runs it at a time; a direct call that overlaps it skips its locked rows, so a release or a
 * publication is recorded — and announced — once.
 */
@Component
class ReleaseJob {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ReleaseJob(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    @Scheduled(fixedDelayString = "${banso.information.release-job-delay:20s}",
            initialDelayString = "${banso.information.release-job-delay:20s}")
    @SchedulerLock(name = "information-release", lockAtMostFor = "5m")
    void scheduled() {
        recordReleases();
        recordPublications();
    }

    /** @return how many releases this run recorded */
    @Transactional
    public int recordReleases() {
        Instant now = clock.instant();
        List<Ended> ended = jdbc.sql("""
                        select id, council_id, after_period, period_end from information_designation
                        where release_recorded_at is null and period_end <= ?
                        order by period_end limit 500
                        for update skip locked""")
                .param(ts(now))
                .query((rs, n) -> new Ended(new DesignationId(rs.getObject(1, UUID.class)),
                        new CouncilId(rs.getObject(2, UUID.class)), Marking.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant()))
                .list();
        for (Ended d : ended) {
            jdbc.sql("update information_designation set release_recorded_at = ? where id = ?")
                    .params(ts(now), d.id().value()).update();
            List<ItemId> items = jdbc.sql("""
                            select item_id from information_designation_item where designation_id = ?
                            order by item_id""")
                    .param(d.id().value()).query(UUID.class).list().stream().map(ItemId::new).toList();
            UUID notice = UUID.randomUUID();
            jdbc.sql("""
                            insert into information_notice (id, council_id, kind, designation_id, after_period, created_at)
                            values (?, ?, 'DESIGNATION_RELEASED', ?, ?, ?)""")
                    .params(notice, d.council().value(), d.id().value(), d.afterPeriod().name(), ts(now)).update();
            for (ItemId item : items) {
                jdbc.sql("insert into information_notice_item (notice_id, item_id) values (?, ?)")
                        .params(notice, item.value()).update();
            }
            events.publishEvent(new InformationEvents.DesignationReleased(d.id(), d.council(), items, d.afterPeriod(),
                    d.end(), now));
        }
        return ended.size();
    }

    private record Ended(DesignationId id, CouncilId council, Marking afterPeriod, Instant end) {
    }

    /**
     * R16: records each research result that became public by default — a notice for its council and
     * {@link InformationEvents.ResultPublishedByDefault} for the audit log — once, after the instant; the marking did
     * not wait for it.
     *
     * @return how many publications this run recorded
     */
    @Transactional
    public int recordPublications() {
        Instant now = clock.instant();
        List<Published> published = jdbc.sql("""
                        select id, council_id, auto_public_at from information_item
                        where auto_public_at is not null and publication_recorded_at is null and auto_public_at <= ?
                        order by auto_public_at limit 500
                        for update skip locked""")
                .param(ts(now))
                .query((rs, n) -> new Published(new ItemId(rs.getObject(1, UUID.class)),
                        new CouncilId(rs.getObject(2, UUID.class)), rs.getTimestamp(3).toInstant()))
                .list();
        for (Published p : published) {
            jdbc.sql("update information_item set publication_recorded_at = ? where id = ?")
                    .params(ts(now), p.item().value()).update();
            UUID notice = UUID.randomUUID();
            jdbc.sql("""
                            insert into information_notice (id, council_id, kind, designation_id, after_period, created_at)
                            values (?, ?, 'RESULT_PUBLISHED', null, 'PUBLIC', ?)""")
                    .params(notice, p.council().value(), ts(now)).update();
            jdbc.sql("insert into information_notice_item (notice_id, item_id) values (?, ?)")
                    .params(notice, p.item().value()).update();
            events.publishEvent(new InformationEvents.ResultPublishedByDefault(p.item(), p.council(), p.publicAt(),
                    now));
        }
        return published.size();
    }

    private record Published(ItemId item, CouncilId council, Instant publicAt) {
    }
}

package org.banso.notification.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The notification module's settings ({@code banso.notification.*}); the mail server itself is Spring Boot's
 * standard {@code spring.mail.*}.
 *
 * @param baseUrl               the address people reach Banso at, for the links in e-mails
 * @param mailFrom              the sender address of every e-mail
 * @param sendInterval          pause between runs of the job that sends due mails from the outbox
 * @param sendBatchSize         mails one run claims at most
 * @param retryInitial          the first wait after a failed attempt; doubled after each further one
 * @param retryMax              the longest wait between attempts
 * @param maxAttempts           attempts after which a mail is FAILED (shown on the outbox page)
 * @param sendingLease          a mail claimed longer ago than this (its sender died) is UNCERTAIN: at most once
 * @param reminderLeadTimes     how long before a proposal's response deadline its representatives are reminded
 * @param reminderInterval      pause between runs of the reminder job
 * @param digestDay             the day of the weekly digest (Japan time)
 * @param digestHour            the hour of the weekly digest (Japan time)
 */
@ConfigurationProperties("banso.notification")
public record NotificationProperties(
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("banso@localhost") String mailFrom,
        @DefaultValue("5s") Duration sendInterval,
        @DefaultValue("50") int sendBatchSize,
        @DefaultValue("30s") Duration retryInitial,
        @DefaultValue("1h") Duration retryMax,
        @DefaultValue("60") int maxAttempts,
        @DefaultValue("10m") Duration sendingLease,
        @DefaultValue({"3d", "1d"}) List<Duration> reminderLeadTimes,
        @DefaultValue("5m") Duration reminderInterval,
        @DefaultValue("MONDAY") DayOfWeek digestDay,
        @DefaultValue("8") int digestHour) {

    /** The absolute link to a page of Banso. */
    String link(String path) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + path;
    }
}

package org.banso.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class DateDisplayTest {

    @Test
    void japanesePagesShowTheEraYearWithTheWesternYear() {
        assertThat(DateDisplay.date(Instant.parse("2026-11-25T08:00:00Z"), Locale.JAPANESE))
                .isEqualTo("令和8年（2026年）11月25日");
    }

    @Test
    void theFirstYearOfAnEraIsGannen() {
        assertThat(DateDisplay.date(Instant.parse("2019-05-01T03:00:00Z"), Locale.JAPANESE))
                .isEqualTo("令和元年（2019年）5月1日");
        assertThat(DateDisplay.date(Instant.parse("2019-04-30T03:00:00Z"), Locale.JAPANESE))
                .isEqualTo("平成31年（2019年）4月30日");
    }

    @Test
    void datesAreShownInJapanTimeNotUtc() {
        // 15:30 UTC on the 24th is 00:30 on the 25th in Tokyo
        assertThat(DateDisplay.date(Instant.parse("2026-11-24T15:30:00Z"), Locale.JAPANESE))
                .isEqualTo("令和8年（2026年）11月25日");
        assertThat(DateDisplay.date(Instant.parse("2026-11-24T15:30:00Z"), Locale.ENGLISH)).isEqualTo("25 Nov 2026");
    }
}

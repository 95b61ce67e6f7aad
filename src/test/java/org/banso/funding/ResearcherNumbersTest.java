package org.banso.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The check rules of e-Rad researcher numbers and ORCID iDs that applications are validated with. */
class ResearcherNumbersTest {

    @Test
    void aPublishedEradResearcherNumberPassesAndAnyChangedDigitFails() {
        assertThat(ResearcherNumbers.isValidEradNumber("90050426")).isTrue();
        for (int position = 0; position < 8; position++) {
            char[] digits = "90050426".toCharArray();
            digits[position] = (char) ('0' + (digits[position] - '0' + 1) % 10);
            assertThat(ResearcherNumbers.isValidEradNumber(new String(digits))).as(new String(digits)).isFalse();
        }
        assertThat(ResearcherNumbers.isValidEradNumber("9005042")).isFalse();
        assertThat(ResearcherNumbers.isValidEradNumber("9005042a")).isFalse();
        assertThat(ResearcherNumbers.isValidEradNumber(null)).isFalse();
    }

    @Test
    void exactlyOneEradCheckDigitFitsAnySevenDigits() {
        SplittableRandom random = new SplittableRandom(20261125L);
        for (int i = 0; i < 1_000; i++) {
            String seven = String.format("%07d", random.nextInt(10_000_000));
            int fitting = 0;
            for (int d = 0; d <= 9; d++) {
                fitting += ResearcherNumbers.isValidEradNumber(d + seven) ? 1 : 0;
            }
            assertThat(fitting).as("case %d: %s", i, seven).isEqualTo(1);
        }
    }

    @Test
    void orcidIdsAreCheckedWithIso7064Mod112() {
        assertThat(ResearcherNumbers.isValidOrcid("0000-0002-1825-0097")).isTrue();
        assertThat(ResearcherNumbers.isValidOrcid("0000-0001-5109-3700")).isTrue();
        assertThat(ResearcherNumbers.isValidOrcid("0000-0002-1694-233X")).isTrue();
        assertThat(ResearcherNumbers.isValidOrcid("0000-0002-1825-0098")).isFalse();
        assertThat(ResearcherNumbers.isValidOrcid("0000-0002-1825-009")).isFalse();
        assertThat(ResearcherNumbers.isValidOrcid("0000000218250097")).isFalse();
        assertThat(ResearcherNumbers.isValidOrcid(null)).isFalse();
    }
}

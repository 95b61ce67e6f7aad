package org.banso.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorporateNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"7000012050002" /* 国税庁 */, "2000012010019" /* 内閣府 */,
            "4000012090001" /* 経済産業省 */, "7000012060001" /* 文部科学省 */, "8000012130001" /* 防衛省 */})
    void acceptsPublishedNumbers(String number) {
        assertThat(CorporateNumber.isValid(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"6000012050002", "1000012010019", "700001205000", "70000120500021", "70000120500O2",
            "", " 7000012050002"})
    void rejectsWrongCheckDigitsAndShapes(String number) {
        assertThat(CorporateNumber.isValid(number)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void rejectsNull() {
        assertThat(CorporateNumber.isValid(null)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void exactlyOneCheckDigitMakesAnyTwelveDigitsValid() {
        var random = new java.util.SplittableRandom(20261125);
        for (int run = 0; run < 5_000; run++) {
            String base = String.format("%012d", random.nextLong(1_000_000_000_000L));
            long valid = java.util.stream.IntStream.rangeClosed(0, 9)
                    .filter(check -> CorporateNumber.isValid(check + base)).count();
            assertThat(valid).as("check digits valid for %s", base).isEqualTo(1);
        }
    }
}

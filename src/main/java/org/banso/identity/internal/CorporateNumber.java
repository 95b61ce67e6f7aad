package org.banso.identity.internal;

/**
 * 法人番号 (Japanese corporate number): 13 digits, the first being a check digit over the other twelve as defined by
 * the National Tax Agency: {@code 9 - (Σ P_n × Q_n mod 9)}, where P_n is the n-th digit counted from the right of
 * the twelve and Q_n is 1 for odd n and 2 for even n.
 */
final class CorporateNumber {

    private CorporateNumber() {
    }

    static boolean isValid(String number) {
        if (number == null || !number.matches("[0-9]{13}")) {
            return false;
        }
        return number.charAt(0) - '0' == checkDigit(number.substring(1));
    }

    static int checkDigit(String twelveDigits) {
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            int digit = twelveDigits.charAt(12 - n) - '0';
            sum += digit * (n % 2 == 1 ? 1 : 2);
        }
        return 9 - sum % 9;
    }
}

package org.banso.funding;

/**
 * Check rules of researcher identifiers. e-Rad researcher number (研究者番号): 8 digits whose first digit is a check
 * digit, d1 = (d2 + 2·d3 + d4 + 2·d5 + d6 + 2·d7 + d8) mod 10 (e.g. 90050426). ORCID iD: 16 characters in four
 * groups, the last a ISO 7064 MOD 11-2 check character (0–9 or X).
 */
public final class ResearcherNumbers {

    private ResearcherNumbers() {
    }

    public static boolean isValidEradNumber(String number) {
        if (number == null || !number.matches("[0-9]{8}")) {
            return false;
        }
        return number.charAt(0) - '0' == eradCheckDigit(number.substring(1));
    }

    /** The check digit for the seven digits that follow it. */
    public static int eradCheckDigit(String sevenDigits) {
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (sevenDigits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 2);
        }
        return sum % 10;
    }

    public static boolean isValidOrcid(String orcid) {
        if (orcid == null || !orcid.matches("[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]")) {
            return false;
        }
        String digits = orcid.replace("-", "");
        return digits.charAt(15) == orcidCheckCharacter(digits.substring(0, 15));
    }

    /** ISO 7064 MOD 11-2 over the first 15 digits. */
    public static char orcidCheckCharacter(String fifteenDigits) {
        int total = 0;
        for (int i = 0; i < 15; i++) {
            total = (total + (fifteenDigits.charAt(i) - '0')) * 2;
        }
        int result = (12 - total % 11) % 11;
        return result == 10 ? 'X' : (char) ('0' + result);
    }
}

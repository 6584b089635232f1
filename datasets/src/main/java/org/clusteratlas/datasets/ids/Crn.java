package org.clusteratlas.datasets.ids;

/**
 * 법인등록번호 (corporate registration number, CRN): 13 digits {@code RRRRTT-SSSSSSC} — registry office,
 * corporation type ({@code 11} = 주식회사), serial, check digit. One per legal entity, which makes it the
 * stable firm key.
 *
 * <p>Checksum: weights alternating 1,2 over the first twelve digits, plain products (no Luhn-style digit
 * sums — that variant rejects real numbers); the check digit tops the sum up to a multiple of ten. It
 * catches every adjacent transposition but misses d ↔ d±5 at the weight-2 positions.
 */
public final class Crn {

    private static final int[] WEIGHTS = {1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2};

    private Crn() {
    }

    /** The ASCII digits of {@code raw} ({@code ""} for null). */
    public static String digits(String raw) {
        return Digits.of(raw);
    }

    /**
     * True for exactly thirteen digits with a correct check digit. Separators as for {@link Brn#isValid}.
     * Never throws.
     */
    public static boolean isValid(String raw) {
        if (raw == null || !Digits.onlyDigitsAndSeparators(raw)) {
            return false;
        }
        String d = Digits.of(raw);
        return d.length() == 13 && checkDigitOfDigits(d) == d.charAt(12) - '0';
    }

    /** The check digit for twelve leading digits; throws {@link IllegalArgumentException} otherwise. */
    public static int checkDigit(String first12Digits) {
        return checkDigitOfDigits(Digits.require(first12Digits, 12, "CRN prefix"));
    }

    /** The twelve digits followed by their check digit (13 digits, no separators). */
    public static String withCheckDigit(String first12Digits) {
        String d = Digits.require(first12Digits, 12, "CRN prefix");
        return d + checkDigitOfDigits(d);
    }

    /**
     * {@code RRRRTT-SSSSSSC}. The check digit is not verified; the input must hold exactly thirteen
     * digits, otherwise {@link IllegalArgumentException}.
     */
    public static String format(String crn) {
        String d = Digits.require(crn, 13, "CRN");
        return d.substring(0, 6) + "-" + d.substring(6);
    }

    private static int checkDigitOfDigits(String d) {
        return Digits.complementToTen(Digits.weightedSum(d, WEIGHTS));
    }
}

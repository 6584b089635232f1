package org.clusteratlas.datasets.ids;

/**
 * 사업자등록번호 (business registration number, BRN): 10 digits {@code XXX-YY-ZZZZC}, one per place of
 * business. {@code YY} encodes the kind of business, {@code C} is a check digit.
 *
 * <p>Checksum (NTS rule): weights 1,3,7,1,3,7,1,3,5 on the first nine digits, plus the tens digit of
 * (9th digit × 5); the check digit tops the sum up to a multiple of ten. That extra term makes every
 * single-digit substitution detectable; about one in ten random numbers still passes, so a valid
 * checksum is necessary, not sufficient.
 */
public final class Brn {

    /** Kind of registrant, from the middle two digits ({@code YY}). */
    public enum EntityType {
        /** 01–79: individual, VAT-taxable. */
        INDIVIDUAL,
        /** 80: individual without business (apartment management offices, MLM sellers) that withholds tax. */
        INDIVIDUAL_NONBUSINESS,
        /** 81, 86, 87, 88: for-profit corporation, head office. */
        CORPORATION_HQ,
        /** 82: non-profit corporation (head office and branches). */
        NONPROFIT,
        /** 83: state, local government, local-government associations. */
        GOVERNMENT,
        /** 84: foreign corporation (head office, branch, liaison office). */
        FOREIGN_CORPORATION,
        /** 85: for-profit corporation, branch. */
        CORPORATION_BRANCH,
        /** 89: religious organisation that is not a corporation. */
        RELIGIOUS,
        /** 90–99: individual, VAT-exempt. */
        INDIVIDUAL_VAT_EXEMPT,
        /** 00, or fewer than five digits to read. */
        UNKNOWN
    }

    private static final int[] WEIGHTS = {1, 3, 7, 1, 3, 7, 1, 3, 5};

    private Brn() {
    }

    /** The ASCII digits of {@code raw} ({@code ""} for null). */
    public static String digits(String raw) {
        return Digits.of(raw);
    }

    /**
     * True for exactly ten digits with a correct check digit. Hyphens, dashes, dots and spaces between
     * digits are allowed; any other character (letters, the {@code *} of a masked number) makes it
     * invalid. Never throws.
     */
    public static boolean isValid(String raw) {
        if (raw == null || !Digits.onlyDigitsAndSeparators(raw)) {
            return false;
        }
        String d = Digits.of(raw);
        return d.length() == 10 && checkDigitOfDigits(d) == d.charAt(9) - '0';
    }

    /** The check digit for nine leading digits; throws {@link IllegalArgumentException} otherwise. */
    public static int checkDigit(String first9Digits) {
        return checkDigitOfDigits(Digits.require(first9Digits, 9, "BRN prefix"));
    }

    /** The nine digits followed by their check digit (10 digits, no separators). */
    public static String withCheckDigit(String first9Digits) {
        String d = Digits.require(first9Digits, 9, "BRN prefix");
        return d + checkDigitOfDigits(d);
    }

    /**
     * The registrant kind from digits 4–5. Only the first five digits are needed, so a number masked
     * after them (NPS publishes {@code 124810******}-style values) still yields its type.
     */
    public static EntityType entityType(String brn) {
        String d = Digits.of(brn);
        if (d.length() < 5) {
            return EntityType.UNKNOWN;
        }
        int yy = Integer.parseInt(d.substring(3, 5));
        if (yy >= 1 && yy <= 79) {
            return EntityType.INDIVIDUAL;
        }
        if (yy >= 90) {
            return EntityType.INDIVIDUAL_VAT_EXEMPT;
        }
        switch (yy) {
            case 80:
                return EntityType.INDIVIDUAL_NONBUSINESS;
            case 81:
            case 86:
            case 87:
            case 88:
                return EntityType.CORPORATION_HQ;
            case 82:
                return EntityType.NONPROFIT;
            case 83:
                return EntityType.GOVERNMENT;
            case 84:
                return EntityType.FOREIGN_CORPORATION;
            case 85:
                return EntityType.CORPORATION_BRANCH;
            case 89:
                return EntityType.RELIGIOUS;
            default:
                return EntityType.UNKNOWN;
        }
    }

    /**
     * {@code XXX-YY-ZZZZZ}. The check digit is not verified (dirty data is formatted too); the input
     * must hold exactly ten digits, otherwise {@link IllegalArgumentException}.
     */
    public static String format(String brn) {
        String d = Digits.require(brn, 10, "BRN");
        return d.substring(0, 3) + "-" + d.substring(3, 5) + "-" + d.substring(5);
    }

    private static int checkDigitOfDigits(String d) {
        int sum = Digits.weightedSum(d, WEIGHTS) + (d.charAt(8) - '0') * 5 / 10;
        return Digits.complementToTen(sum);
    }
}

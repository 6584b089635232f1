package org.clusteratlas.datasets.ids;

/** Digit handling shared by the Korean registration numbers. */
final class Digits {

    private Digits() {
    }

    /** ASCII digits of {@code raw} in order; {@code ""} for null. */
    static String of(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * True when {@code raw} holds only digits and the separators people type between digit groups
     * (spaces, hyphens and other dashes, dots). Anything else — letters, mask characters such as
     * {@code *} — means the value is not a plain number, so validation must not quietly ignore it.
     */
    static boolean onlyDigitsAndSeparators(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean separator = Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '.'
                    || Character.getType(c) == Character.DASH_PUNCTUATION;
            if (!(c >= '0' && c <= '9') && !separator) {
                return false;
            }
        }
        return true;
    }

    /** The digits of {@code raw}, which must be exactly {@code length} long. */
    static String require(String raw, int length, String what) {
        String digits = of(raw);
        if (raw == null || digits.length() != length || !onlyDigitsAndSeparators(raw)) {
            throw new IllegalArgumentException(what + " must be exactly " + length + " digits: '" + raw + "'");
        }
        return digits;
    }

    /** Σ digit[i]·weights[i] over the weights' length. */
    static int weightedSum(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum;
    }

    /** The check digit that brings {@code sum} up to a multiple of ten. */
    static int complementToTen(int sum) {
        return (10 - sum % 10) % 10;
    }
}

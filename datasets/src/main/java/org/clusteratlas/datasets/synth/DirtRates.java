package org.clusteratlas.datasets.synth;

import java.io.Serializable;

/**
 * How often each kind of planted dirt occurs (a probability per data row of the sources it applies to).
 * Every row that gets one is listed in {@code truth/dirt.csv}; a row gets at most one. Name variants
 * (legal-form prefix/suffix, ㈜/(주)/주식회사, spacing) are not dirt but the normal state of the sources,
 * so they are not listed; their shares are here for documentation.
 *
 * @param legalFormVariant share of as-reported firm names whose legal-form token differs from the registry
 * @param spacingVariant share of as-reported names with a space inserted or removed
 * @param englishName NTIS and KIPRIS firm rows that carry the romanised English name instead (listed)
 * @param typo rows whose name has one syllable replaced (NPS, NTIS, KIPRIS, programs)
 * @param ntisMissingBrn NTIS firm rows with an empty BRN
 * @param ntisInvalidBrn NTIS firm rows whose BRN fails its checksum
 * @param programMissingBrn program rows with an empty BRN
 * @param programInvalidBrn program rows whose BRN fails its checksum
 * @param duplicateRow rows written twice in a row (every source)
 * @param malformedDate a date cell with an impossible value ({@code 2019-13-45}, {@code 20190231})
 * @param malformedNumber a numeric cell with a letter inside ({@code 12a4})
 * @param negativeAmount NTIS government funding or financials revenue written negative
 * @param undecodableBytes CP949 rows (NPS, programs) with an invalid byte sequence inside the name cell
 * @param truncatedLine a line cut after a field separator in its first half (fewer fields)
 */
public record DirtRates(double legalFormVariant, double spacingVariant, double englishName, double typo,
    double ntisMissingBrn, double ntisInvalidBrn, double programMissingBrn, double programInvalidBrn,
    double duplicateRow, double malformedDate, double malformedNumber, double negativeAmount,
    double undecodableBytes, double truncatedLine) implements Serializable {

  public static DirtRates defaults() {
    return new DirtRates(0.45, 0.10, 0.03, 0.01, 0.08, 0.03, 0.03, 0.02, 0.001, 0.0005, 0.0005, 0.0005,
        0.0002, 0.0002);
  }
}

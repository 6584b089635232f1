package org.clusteratlas.datasets.synth;

import java.io.Serializable;
import java.time.YearMonth;

/**
 * What {@link NationalGenerator} writes: the size of the synthetic country, the years covered, the last
 * NPS month, the seed and the output root (a local path or any Hadoop URI).
 *
 * @param scale 1.0 ≈ national size (about 600,000 corporations); in (0, 2]
 * @param firstYear first fiscal / data year, 2015..2026
 * @param lastYear last fiscal year (registry snapshot date is 31 Dec of it), firstYear..2026
 * @param npsLastMonth last monthly NPS file; at least December of lastYear
 * @param seed every random draw derives from it; same seed ⇒ byte-identical output
 * @param outDir raw root; sources go to {@code <outDir>/<source>/}, ground truth to {@code truth/}
 */
public record GeneratorConfig(double scale, int firstYear, int lastYear, YearMonth npsLastMonth, long seed,
    String outDir) implements Serializable {

  public static final int MIN_YEAR = 2015;
  public static final int MAX_YEAR = 2026;

  public GeneratorConfig {
    if (!(scale > 0 && scale <= 2)) {
      throw new IllegalArgumentException("scale must be in (0, 2], got " + scale);
    }
    if (firstYear < MIN_YEAR || firstYear > MAX_YEAR || lastYear < MIN_YEAR || lastYear > MAX_YEAR) {
      throw new IllegalArgumentException("years must lie within " + MIN_YEAR + ".." + MAX_YEAR
          + ", got " + firstYear + ".." + lastYear);
    }
    if (firstYear > lastYear) {
      throw new IllegalArgumentException("firstYear " + firstYear + " is after lastYear " + lastYear);
    }
    if (npsLastMonth == null || npsLastMonth.isBefore(YearMonth.of(lastYear, 12))) {
      throw new IllegalArgumentException("npsLastMonth must be at least " + YearMonth.of(lastYear, 12)
          + " (December of lastYear), got " + npsLastMonth);
    }
    if (npsLastMonth.getYear() > MAX_YEAR + 1) {
      throw new IllegalArgumentException("npsLastMonth " + npsLastMonth + " is beyond " + (MAX_YEAR + 1));
    }
    if (outDir == null || outDir.isBlank()) {
      throw new IllegalArgumentException("outDir must be given");
    }
  }

  /** Scale 0.01, 2015–2025, NPS through 2026-09, seed 20261123. */
  public static GeneratorConfig defaults(String outDir) {
    return new GeneratorConfig(0.01, 2015, 2025, YearMonth.of(2026, 9), 20261123L, outDir);
  }

  public GeneratorConfig withScale(double newScale) {
    return new GeneratorConfig(newScale, firstYear, lastYear, npsLastMonth, seed, outDir);
  }

  public GeneratorConfig withSeed(long newSeed) {
    return new GeneratorConfig(scale, firstYear, lastYear, npsLastMonth, newSeed, outDir);
  }

  public GeneratorConfig withOutDir(String newOutDir) {
    return new GeneratorConfig(scale, firstYear, lastYear, npsLastMonth, seed, newOutDir);
  }

  /** Number of fiscal years covered. */
  public int years() {
    return lastYear - firstYear + 1;
  }

  /** Number of monthly NPS files, firstYear-01 through npsLastMonth. */
  public int months() {
    return (npsLastMonth.getYear() - firstYear) * 12 + npsLastMonth.getMonthValue();
  }
}

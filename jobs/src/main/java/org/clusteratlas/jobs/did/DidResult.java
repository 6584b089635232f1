package org.clusteratlas.jobs.did;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything one estimation produced: the ATT(g,t) cells, the four aggregations, the Wald pre-test of
 * parallel pre-trends, the bootstrap critical values, and the pre-processing notes (dropped or recoded
 * units) that explain which sample was used.
 */
public record DidResult(DidOptions options, List<Estimate> estimates, PreTest preTest, PreTest earlyPreTest,
    Double cellCritical, Double dynamicCritical, long units, long clusters, int[] periods, List<String> notes) {

  /**
   * A test that pre-treatment effects are zero. {@code preTest}: R's Wald test over every pre-treatment
   * cell, W = θ'Σ⁻¹θ with df cells and a χ²(df) p-value ("P-value for pre-test"). {@code earlyPreTest}: a
   * sup-t test over the event study's points before the year preceding treatment, statistic max |θ_e|/se_e
   * over df points and a multiplier-bootstrap p-value; null without bootstrap draws or with a universal
   * base. When the first rejects and the second does not, the treated departed from the controls in the
   * year before treatment only: selection on that year (or anticipation), not diverging trends.
   */
  public record PreTest(double statistic, int df, double pValue) {}

  public List<Estimate> of(String aggregation) {
    return estimates.stream().filter(e -> e.aggregation().equals(aggregation)).toList();
  }

  public Optional<Estimate> cell(int cohort, int year) {
    return of("group_time").stream()
        .filter(e -> e.cohort() == cohort && e.year() == year).findFirst();
  }

  public Optional<Estimate> overall(String aggregation) {
    return of(aggregation).stream().filter(Estimate::overall).findFirst();
  }

  public Optional<Estimate> eventTime(int e) {
    return of("dynamic").stream().filter(x -> !x.overall() && x.eventTime() == e).findFirst();
  }

  /** A plain-text table in the spirit of R's summary(). */
  public String render() {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "Callaway & Sant'Anna ATT(g,t): control=%s, base=%s, %d units, %d clusters, periods %d-%d%n",
        options.control().label, options.base().label, units, clusters, periods[0], periods[periods.length - 1]));
    for (String n : notes) {
      b.append("  note: ").append(n).append('\n');
    }
    b.append(String.format(Locale.ROOT, "%-11s %7s %7s %6s %10s %10s %21s %21s%n", "aggregation", "cohort", "year", "e",
        "att", "se", "95% CI", "simultaneous band"));
    for (Estimate e : estimates) {
      b.append(String.format(Locale.ROOT, "%-11s %7s %7s %6s %10.4f %10s %21s %21s%n",
          e.aggregation() + (e.overall() ? "*" : ""), str(e.cohort()), str(e.year()), str(e.eventTime()), e.att(),
          e.se() == null ? "NA" : String.format(Locale.ROOT, "%.4f", e.se()),
          interval(e.ciLow(), e.ciHigh()), interval(e.bandLow(), e.bandHigh())));
    }
    if (preTest != null) {
      b.append(String.format(Locale.ROOT, "Wald pre-test of parallel trends: W=%.4f, df=%d, p=%.5f%n",
          preTest.statistic(), preTest.df(), preTest.pValue()));
    }
    if (earlyPreTest != null) {
      b.append(String.format(Locale.ROOT,
          "Sup-t pre-test of the event study before e = -1: max|t|=%.4f over %d points, p=%.5f%n",
          earlyPreTest.statistic(), earlyPreTest.df(), earlyPreTest.pValue()));
    }
    b.append("(* overall summary of the aggregation)\n");
    return b.toString();
  }

  private static String str(Integer v) {
    return v == null ? "" : v.toString();
  }

  private static String interval(Double lo, Double hi) {
    return lo == null ? "" : String.format(Locale.ROOT, "[%.4f, %.4f]", lo, hi);
  }
}

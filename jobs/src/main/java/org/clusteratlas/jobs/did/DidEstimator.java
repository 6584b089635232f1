package org.clusteratlas.jobs.did;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.clusteratlas.jobs.UserError;

/**
 * Callaway &amp; Sant'Anna (2021) group-time average treatment effects, reproducing R {@code did::att_gt}
 * (panel data) and {@code did::aggte}: the same pre-processing, base periods, comparison groups, influence
 * functions with their n/n₁ scaling, aggregation weights with the estimated-weight ({@code wif})
 * corrections, analytic and multiplier-bootstrap standard errors, sup-t bands and the Wald pre-test.
 *
 * <p>Parallel trends either hold unconditionally or within the strata of one discrete, time-invariant
 * covariate ({@link DidPanel#STRATUM}). The stratified estimator is R's outcome regression
 * ({@code est_method = "reg"}, DRDID's {@code reg_did_panel}) with the covariate's indicators as regressors:
 * the comparison units' mean change in each stratum predicts the treated units' untreated change, so
 * ATT(g,t) = mean over cohort g of [ΔY_i − μ_C(s_i)], and its influence function, first-step regression
 * included, is again linear in each unit's outcomes with coefficients per (cohort, stratum). Either way each
 * ATT(g,t) is a function of group means of Y_t − Y_base, so the panel is reduced in Spark to per-group sums
 * and cross-products ({@link CohortMoments}); the driver works on those small matrices. Standard errors use
 * the same moments (or per-cluster sums), and the bootstrap runs in Spark over the units
 * ({@link MultiplierBootstrap}). Where R stops (a treated stratum with no comparison units makes its
 * regression singular) a cell is estimated on common support: those treated units are left out of it, and
 * a note says how often.
 */
public final class DidEstimator {
  private DidEstimator() {}

  /** R's floor below which a standard error is treated as degenerate (NA). */
  static final double SE_FLOOR = Math.sqrt(Math.ulp(1.0)) * 10;

  /** One ATT(g,t) cell before it is published. */
  private record Cell(int g, int t, int base, double att, long nTreated, long nControl, Influence psi,
      boolean reference, long offSupport) {}

  /** One aggregated number and its influence function. */
  private record Bucket(String aggregation, boolean overall, Integer cohort, Integer year, Integer eventTime,
      double att, Influence psi, long nTreated, long nControl) {}

  /** Estimates on a standard long panel ({@link DidPanel#standardize}); clustered when it has a cluster column. */
  public static DidResult estimate(Dataset<Row> standardPanel, DidOptions opt, boolean clustered) {
    DidPanel.Prepared p = DidPanel.prepare(standardPanel, opt, clustered);
    try {
      return estimate(p, opt);
    } finally {
      p.units().unpersist();
    }
  }

  /** One variant's result, or the error that kept the panel from supporting it. */
  public record Attempt(DidOptions options, DidResult result, UserError error) {}

  /**
   * Estimates several variants of one panel (comparison group, base period, inference settings), in the
   * given order. Variants that can share a preparation ({@link DidPanel.Prepared#serves}) share it and the
   * moments reduced from it: the four comparison-group and base-period variants of a panel with
   * never-treated units cost one pass over the panel, not four. A variant the panel cannot support gets
   * its error, as {@link #estimate(Dataset, DidOptions, boolean)} would throw it, and the others go on.
   */
  public static List<Attempt> estimateEach(Dataset<Row> standardPanel, List<DidOptions> variants, boolean clustered) {
    // each preparation reads the estimator's columns of the panel: cached once around all of them
    return DidPanel.withEstimationColumns(standardPanel, null, columns -> {
      List<DidPanel.Prepared> made = new ArrayList<>(); // every preparation, released even if its moments fail
      List<Reduced> reduced = new ArrayList<>();
      List<Attempt> out = new ArrayList<>();
      try {
        for (DidOptions opt : variants) {
          out.add(attempt(standardPanel, opt, clustered, made, reduced));
        }
      } finally {
        made.forEach(p -> p.units().unpersist());
      }
      return out;
    });
  }

  /**
   * Estimates one variant in each cell of a panel (a region, an industry), each as {@link #estimate(Dataset,
   * DidOptions, boolean)} would on the cell's rows alone, in the given order. The cells share one preparation
   * and one reduction to moments, so a breakdown over dozens of cells costs a few passes over the panel
   * instead of a few per cell; only the bootstrap reads each cell's units on its own. A cell the estimator
   * cannot support gets its error.
   *
   * @param cellColumn the panel's column naming each row's cell (rows of other cells are left out)
   */
  public static Map<String, Attempt> estimateCells(Dataset<Row> panel, String cellColumn, List<String> cells,
      DidOptions opt, boolean clustered) {
    return DidPanel.withEstimationColumns(panel, cellColumn, columns -> {
      DidPanel.Cells prepared = DidPanel.prepareCells(columns, cells, opt, clustered);
      try {
        Map<String, CohortMoments> moments = prepared.prepared().isEmpty() ? Map.of()
            : CohortMoments.ofCells(prepared.units(), prepared.prepared());
        Map<String, Attempt> out = new LinkedHashMap<>();
        cells.forEach(cell -> out.put(cell, inCell(prepared, moments, cell, opt)));
        return out;
      } finally {
        if (prepared.units() != null) {
          prepared.units().unpersist();
        }
      }
    });
  }

  /** One cell's attempt: the error of its preparation, or its estimate (or the estimate's error). */
  private static Attempt inCell(DidPanel.Cells prepared, Map<String, CohortMoments> moments, String cell,
      DidOptions opt) {
    UserError error = prepared.errors().get(cell);
    if (error != null) {
      return new Attempt(opt, null, error);
    }
    try {
      return new Attempt(opt, estimate(prepared.prepared().get(cell), moments.get(cell), opt), null);
    } catch (UserError e) {
      return new Attempt(opt, null, e);
    }
  }

  /** One variant: on a preparation made before that serves it, or on a new one. */
  private static Attempt attempt(Dataset<Row> standardPanel, DidOptions opt, boolean clustered,
      List<DidPanel.Prepared> made, List<Reduced> reduced) {
    try {
      Reduced r = reduced.stream().filter(x -> x.panel().serves(opt)).findFirst().orElse(null);
      if (r == null) {
        DidPanel.Prepared p = DidPanel.prepare(standardPanel, opt, clustered);
        made.add(p);
        r = new Reduced(p, CohortMoments.of(p));
        reduced.add(r);
      } else {
        DidPanel.requireComparison(r.panel().cohortSize(0), opt);
      }
      return new Attempt(opt, estimate(r.panel(), r.moments(), opt), null);
    } catch (UserError e) {
      return new Attempt(opt, null, e);
    }
  }

  /** A prepared panel and its moments, shared by the variants it serves. */
  private record Reduced(DidPanel.Prepared panel, CohortMoments moments) {}

  static DidResult estimate(DidPanel.Prepared p, DidOptions opt) {
    return estimate(p, CohortMoments.of(p), opt);
  }

  private static DidResult estimate(DidPanel.Prepared p, CohortMoments m, DidOptions opt) {
    List<String> notes = new ArrayList<>(p.notes());
    List<Cell> cells = cells(p, m, opt, notes);
    List<Bucket> buckets = aggregate(cells, p, m);

    int nc = m.groups();
    int tn = p.periods().length;
    double z = new NormalDistribution().inverseCumulativeProbability(1 - opt.alpha() / 2);

    // every published estimate and its influence function, in output order
    List<Influence> fs = new ArrayList<>();
    for (Cell c : cells) {
      fs.add(c.psi() == null ? new Influence(nc, tn) : c.psi());
    }
    for (Bucket b : buckets) {
      fs.add(b.psi());
    }
    double[] se = new double[fs.size()];
    for (int k = 0; k < fs.size(); k++) {
      double v = p.clustered() ? Influence.clusterCovariance(fs.get(k), fs.get(k), m)
          : Influence.covariance(fs.get(k), fs.get(k), m);
      se[k] = Math.sqrt(Math.max(v, 0));
    }

    double[] seBoot = null;
    Double cellCrit = null;
    DidResult.PreTest early = null;
    Map<String, Double> bucketCrit = new LinkedHashMap<>();
    if (opt.bootstrapDraws() > 0) {
      double[][] draws = MultiplierBootstrap.draws(p, fs, opt.bootstrapDraws(), opt.seed());
      seBoot = new double[fs.size()];
      for (int k = 0; k < fs.size(); k++) {
        double[] col = new double[draws.length];
        for (int d = 0; d < draws.length; d++) {
          col[d] = draws[d][k];
        }
        seBoot[k] = MultiplierBootstrap.robustSe(col);
      }
      List<Integer> cellCols = new ArrayList<>();
      for (int k = 0; k < cells.size(); k++) {
        if (!cells.get(k).reference() && seBoot[k] > SE_FLOOR) {
          cellCols.add(k);
        }
      }
      if (!cellCols.isEmpty()) {
        cellCrit = MultiplierBootstrap.supT(draws, cellCols.stream().mapToInt(i -> i).toArray(), seBoot, opt.alpha());
      }
      for (String agg : List.of("dynamic", "group", "calendar")) {
        List<Integer> cols = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
          int k = cells.size() + i;
          if (buckets.get(i).aggregation().equals(agg) && !buckets.get(i).overall() && seBoot[k] > SE_FLOOR) {
            cols.add(k);
          }
        }
        if (!cols.isEmpty()) {
          double crit = MultiplierBootstrap.supT(draws, cols.stream().mapToInt(i -> i).toArray(), seBoot, opt.alpha());
          bucketCrit.put(agg, Math.max(crit, z)); // aggte floors the band at the pointwise value
        }
      }
      if (opt.base() == DidOptions.Base.VARYING) {
        early = earlyPreTest(buckets, cells.size(), draws, seBoot, opt.anticipation());
      }
    }

    List<Estimate> out = new ArrayList<>();
    for (int k = 0; k < cells.size(); k++) {
      Cell c = cells.get(k);
      out.add(publish("group_time", false, c.g(), c.t(), c.t() - c.g(), c.base(), c.att(), se[k],
          seBoot == null ? null : seBoot[k], cellCrit, z, c.nTreated(), c.nControl(), c.reference()));
    }
    for (int i = 0; i < buckets.size(); i++) {
      Bucket b = buckets.get(i);
      int k = cells.size() + i;
      Double crit = b.overall() ? Double.valueOf(z) : bucketCrit.get(b.aggregation());
      if (b.aggregation().equals("simple")) {
        crit = z;
      }
      out.add(publish(b.aggregation(), b.overall(), b.cohort(), b.year(), b.eventTime(), null, b.att(), se[k],
          seBoot == null ? null : seBoot[k], crit, z, b.nTreated(), b.nControl(), false));
    }
    DidResult.PreTest pre = preTest(cells, fs, se, m, p.clustered(), notes);
    return new DidResult(opt, List.copyOf(out), pre, early, cellCrit, bucketCrit.get("dynamic"), p.n(),
        p.clusters(), p.periods(), List.copyOf(notes));
  }

  private static Estimate publish(String agg, boolean overall, Integer g, Integer t, Integer e, Integer base,
      double att, double se, Double seBoot, Double crit, double z, long nT, long nC, boolean reference) {
    Double s = Double.isNaN(att) || se <= SE_FLOOR ? null : se;
    Double sb = seBoot == null || Double.isNaN(att) || seBoot <= SE_FLOOR ? null : seBoot;
    return new Estimate(agg, overall, g, t, e, base, att, s, s == null ? null : att - z * s,
        s == null ? null : att + z * s, sb, sb == null || crit == null ? null : att - crit * sb,
        sb == null || crit == null ? null : att + crit * sb, nT, nC, reference);
  }

  /** The ATT(g,t) loop of R {@code compute.att_gt}: base periods and comparison groups per cell. */
  private static List<Cell> cells(DidPanel.Prepared p, CohortMoments m, DidOptions opt, List<String> notes) {
    int[] periods = p.periods();
    int tn = periods.length;
    int delta = opt.anticipation();
    boolean universal = opt.base() == DidOptions.Base.UNIVERSAL;
    List<Cell> cells = new ArrayList<>();
    for (int g : p.estimatedCohorts()) {
      int postBase = lastPreTreatment(g, periods, delta);
      for (int ti = universal ? 0 : 1; ti < tn; ti++) {
        int t = periods[ti];
        boolean post = g <= t;
        int bi = post || universal ? postBase : ti - 1;
        if (universal && bi == ti) {
          cells.add(new Cell(g, t, periods[bi], 0, p.cohortSize(g), 0, null, true, 0));
          continue;
        }
        int threshold = Math.max(t, periods[bi]) + delta;
        List<Integer> controls = new ArrayList<>();
        for (int c : p.allCohorts()) {
          boolean never = c == 0;
          boolean notYet = opt.control() == DidOptions.Control.NOT_YET && c > threshold && c != g;
          if (never || notYet) {
            controls.add(c);
          }
        }
        cells.add(cell(g, ti, bi, controls, p, m));
      }
    }
    long empty = cells.stream().filter(c -> Double.isNaN(c.att())).count();
    if (empty > 0) {
      notes.add(empty + " group-time cells have no comparison units and are reported as NA");
    }
    List<Cell> trimmed = cells.stream().filter(c -> c.offSupport() > 0 && !Double.isNaN(c.att())).toList();
    if (!trimmed.isEmpty()) {
      notes.add(trimmed.size() + " group-time cells leave out treated units whose stratum has no comparison units"
          + " (common support; up to " + trimmed.stream().mapToLong(Cell::offSupport).max().orElse(0)
          + " units in a cell)");
    }
    return cells;
  }

  /** Index of cohort g's last period before treatment (and anticipation): its post-treatment base; -1 if none. */
  private static int lastPreTreatment(int g, int[] periods, int anticipation) {
    int last = -1;
    for (int j = 0; j < periods.length; j++) {
      if (periods[j] + anticipation < g) {
        last = j;
      }
    }
    return last;
  }

  /**
   * One ATT(g,t) against the given comparison cohorts, within strata: ATT = Σ_s N_{G,s}·(μ_{G,s} − μ_{C,s}) /
   * N_G over the strata s that have comparison units. Influence function (DRDID's {@code reg_did_panel} with
   * stratum indicators, times n/n₁): a treated unit of stratum s gets n·(ΔY_i − μ_{C,s} − ATT)/N_G, a comparison
   * unit n·w_s·(μ_{C,s} − ΔY_i) with w_s = N_{G,s}/(N_{C,s}·N_G), the estimation effect of its stratum's
   * mean. With a single stratum this is the unconditional 2×2 estimator and its influence function.
   */
  private static Cell cell(int g, int ti, int bi, List<Integer> controls, DidPanel.Prepared p, CohortMoments m) {
    Map<String, List<Integer>> comparison = new TreeMap<>(); // stratum -> its comparison groups
    List<Integer> treated = new ArrayList<>(); // cohort g's groups whose stratum has comparison units
    long nControl = 0;
    long offSupport = 0;
    for (int k = 0; k < m.groups(); k++) {
      if (controls.contains(m.cohorts[k])) {
        comparison.computeIfAbsent(m.strata[k], s -> new ArrayList<>()).add(k);
        nControl += (long) m.count[k];
      }
    }
    for (int k = 0; k < m.groups(); k++) {
      if (m.cohorts[k] == g && comparison.containsKey(m.strata[k])) {
        treated.add(k);
      } else if (m.cohorts[k] == g) {
        offSupport += (long) m.count[k];
      }
    }
    Influence psi = new Influence(m.groups(), p.periods().length);
    double nG = treated.stream().mapToDouble(k -> m.count[k]).sum();
    if (nG == 0) {
      return new Cell(g, p.periods()[ti], p.periods()[bi], Double.NaN, p.cohortSize(g), nControl, psi, false, 0);
    }
    double gap = 0; // Σ over the treated units of ΔY_i − μ_{C,s}
    for (int k : treated) {
      gap += change(m, k, ti, bi) - m.count[k] * comparisonMean(m, comparison.get(m.strata[k]), ti, bi);
    }
    double att = gap / nG;
    for (int k : treated) {
      List<Integer> cs = comparison.get(m.strata[k]);
      double mu = comparisonMean(m, cs, ti, bi);
      psi.alpha[k][ti] = 1 / nG;
      psi.alpha[k][bi] = -1 / nG;
      psi.beta[k] = (mu + att) / nG;
      double w = m.count[k] / (cs.stream().mapToDouble(c -> m.count[c]).sum() * nG);
      for (int c : cs) {
        psi.alpha[c][ti] = -w;
        psi.alpha[c][bi] = w;
        psi.beta[c] = -w * mu;
      }
    }
    return new Cell(g, p.periods()[ti], p.periods()[bi], att, (long) nG, nControl, psi, false, offSupport);
  }

  /** Σ over group k's units of Y_t − Y_base. */
  private static double change(CohortMoments m, int k, int ti, int bi) {
    return m.sum[k][ti] - m.sum[k][bi];
  }

  /** μ_{C,s}: the mean change of the comparison groups of one stratum. */
  private static double comparisonMean(CohortMoments m, List<Integer> groups, int ti, int bi) {
    double n = 0;
    double total = 0;
    for (int c : groups) {
      n += m.count[c];
      total += change(m, c, ti, bi);
    }
    return total / n;
  }

  /** R {@code compute.aggte}: simple, group, dynamic and calendar aggregations with their wif terms. */
  private static List<Bucket> aggregate(List<Cell> all, DidPanel.Prepared p, CohortMoments m) {
    List<Cell> cells = all.stream().filter(c -> !Double.isNaN(c.att())).toList();
    long n = p.n();
    List<Bucket> out = new ArrayList<>();
    List<Cell> post = cells.stream().filter(c -> c.g() <= c.t()).toList();
    if (post.isEmpty()) {
      return out;
    }
    int nc = m.groups();
    int tn = p.periods().length;

    // simple: post cells weighted by cohort size
    out.add(weighted("simple", true, null, null, null, post, p, m));

    // group: equal weights over a cohort's post periods, then cohort shares (with wif) overall
    TreeMap<Integer, Bucket> byGroup = new TreeMap<>();
    for (int g : new TreeSet<>(post.stream().map(Cell::g).toList())) {
      List<Cell> cg = post.stream().filter(c -> c.g() == g).toList();
      Influence psi = new Influence(nc, tn);
      double att = 0;
      for (Cell c : cg) {
        att += c.att() / cg.size();
        addPsi(psi, 1.0 / cg.size(), c);
      }
      byGroup.put(g, new Bucket("group", false, g, null, null, att, psi, p.cohortSize(g), controlsOf(cg)));
    }
    double sumPg = byGroup.keySet().stream().mapToDouble(g -> share(g, p)).sum();
    Influence groupPsi = new Influence(nc, tn);
    double groupAtt = 0;
    List<double[]> groupKeepers = new ArrayList<>();
    for (Bucket b : byGroup.values()) {
      double w = share(b.cohort(), p) / sumPg;
      groupAtt += w * b.att();
      groupPsi.add(w, b.psi());
      groupKeepers.add(new double[] {b.cohort(), share(b.cohort(), p), b.att()});
    }
    addWif(groupPsi, groupKeepers, m, n);
    out.add(new Bucket("group", true, null, null, null, groupAtt, groupPsi, treatedOf(byGroup.keySet(), p), 0));
    out.addAll(byGroup.values());

    // dynamic: cells by event time, cohort-share weights (with wif); overall = mean over e >= 0
    TreeMap<Integer, Bucket> byEvent = new TreeMap<>();
    for (int e : new TreeSet<>(cells.stream().map(c -> c.t() - c.g()).toList())) {
      List<Cell> ce = cells.stream().filter(c -> c.t() - c.g() == e).toList();
      byEvent.put(e, weighted("dynamic", false, null, null, e, ce, p, m));
    }
    out.add(equalMean("dynamic", byEvent.tailMap(0).values().stream().toList(), nc, tn));
    out.addAll(byEvent.values());

    // calendar: post cells by calendar period, cohort-share weights (with wif); overall = mean over periods
    int minG = cells.stream().mapToInt(Cell::g).min().orElseThrow();
    TreeMap<Integer, Bucket> byYear = new TreeMap<>();
    for (int t : new TreeSet<>(cells.stream().map(Cell::t).filter(t -> t >= minG).toList())) {
      List<Cell> ct = cells.stream().filter(c -> c.t() == t && c.g() <= t).toList();
      if (!ct.isEmpty()) {
        byYear.put(t, weighted("calendar", false, null, t, null, ct, p, m));
      }
    }
    out.add(equalMean("calendar", byYear.values().stream().toList(), nc, tn));
    out.addAll(byYear.values());
    return out;
  }

  /** Σ ATT·P(G=g) / Σ P(G=g) over the cells, with the wif term for estimating the shares. */
  private static Bucket weighted(String agg, boolean overall, Integer g, Integer t, Integer e, List<Cell> cells,
      DidPanel.Prepared p, CohortMoments m) {
    Influence psi = new Influence(m.groups(), p.periods().length);
    double sum = cells.stream().mapToDouble(c -> share(c.g(), p)).sum();
    double att = 0;
    List<double[]> keepers = new ArrayList<>();
    for (Cell c : cells) {
      double w = share(c.g(), p) / sum;
      att += w * c.att();
      addPsi(psi, w, c);
      keepers.add(new double[] {c.g(), share(c.g(), p), c.att()});
    }
    addWif(psi, keepers, m, p.n());
    return new Bucket(agg, overall, g, t, e, att, psi,
        treatedOf(new TreeSet<>(cells.stream().map(Cell::g).toList()), p), controlsOf(cells));
  }

  private static Bucket equalMean(String agg, List<Bucket> buckets, int nc, int tn) {
    Influence psi = new Influence(nc, tn);
    double att = 0;
    for (Bucket b : buckets) {
      att += b.att() / buckets.size();
      psi.add(1.0 / buckets.size(), b.psi());
    }
    long treated = buckets.stream().mapToLong(Bucket::nTreated).max().orElse(0);
    return new Bucket(agg, true, null, null, null, buckets.isEmpty() ? Double.NaN : att, psi, treated, 0);
  }

  private static void addPsi(Influence target, double w, Cell c) {
    if (c.psi() != null) {
      target.add(w, c.psi());
    }
  }

  /**
   * R {@code wif}: the influence of estimating the weights P(G=g). For a unit of cohort c it adds
   * Σ_k att_k·[(1{c=g_k} − pg_k)/S − Σ_k'(1{c=g_k'} − pg_k')·pg_k/S²] with S = Σ_k pg_k; keepers are
   * (g_k, pg_k, att_k).
   */
  private static void addWif(Influence psi, List<double[]> keepers, CohortMoments m, long n) {
    double s = keepers.stream().mapToDouble(k -> k[1]).sum();
    for (int ci = 0; ci < m.groups(); ci++) {
      int cohort = m.cohorts[ci];
      double total = 0;
      for (double[] k : keepers) {
        total += (cohort == (int) k[0] ? 1 : 0) - k[1];
      }
      double wif = 0;
      for (double[] k : keepers) {
        double own = (cohort == (int) k[0] ? 1 : 0) - k[1];
        wif += k[2] * (own / s - total * k[1] / (s * s));
      }
      psi.addConstant(ci, wif, n);
    }
  }

  private static double share(int g, DidPanel.Prepared p) {
    return (double) p.cohortSize(g) / p.n();
  }

  private static long treatedOf(java.util.Set<Integer> cohorts, DidPanel.Prepared p) {
    return cohorts.stream().mapToLong(p::cohortSize).sum();
  }

  private static long controlsOf(List<Cell> cells) {
    return cells.stream().mapToLong(Cell::nControl).max().orElse(0);
  }

  /**
   * Sup-t test that the event study's points before the last pre-treatment year are all zero: the
   * observed max |θ_e| / se_e over e < −1 − anticipation against the same max in each bootstrap draw.
   * Selection on the year before treatment (programs pick firms after a good year; Ashenfelter's dip is
   * the mirror image) moves only the point e = −1, and this test still speaks to the trends before it.
   * Aggregated over cohorts and scaled by bootstrap errors it stays calibrated where the cell-level Wald
   * test over-rejects (cohorts of tens of units with many pre-treatment cells). Varying base only: with a
   * universal base every pre-treatment point is measured from that year.
   */
  private static DidResult.PreTest earlyPreTest(List<Bucket> buckets, int offset, double[][] draws,
      double[] seBoot, int anticipation) {
    List<Integer> columns = new ArrayList<>();
    double observed = 0;
    for (int i = 0; i < buckets.size(); i++) {
      Bucket b = buckets.get(i);
      int k = offset + i;
      if (b.aggregation().equals("dynamic") && !b.overall() && b.eventTime() < -1 - anticipation
          && !Double.isNaN(b.att()) && seBoot[k] > SE_FLOOR) {
        columns.add(k);
        observed = Math.max(observed, Math.abs(b.att()) / seBoot[k]);
      }
    }
    if (columns.isEmpty()) {
      return null;
    }
    int[] cols = columns.stream().mapToInt(c -> c).toArray();
    return new DidResult.PreTest(observed, cols.length, MultiplierBootstrap.supTPValue(draws, cols, seBoot, observed));
  }

  /** Wald test that all pre-treatment ATT(g,t) are zero, with the analytic (or cluster-robust) covariance. */
  private static DidResult.PreTest preTest(List<Cell> cells, List<Influence> fs, double[] se, CohortMoments m,
      boolean clustered, List<String> notes) {
    List<Integer> pre = new ArrayList<>();
    for (int k = 0; k < cells.size(); k++) {
      Cell c = cells.get(k);
      if (c.g() > c.t() && !c.reference() && !Double.isNaN(c.att()) && se[k] > SE_FLOOR) {
        pre.add(k);
      }
    }
    if (pre.isEmpty()) {
      return null;
    }
    int q = pre.size();
    double[][] v = new double[q][q];
    double[] theta = new double[q];
    for (int a = 0; a < q; a++) {
      theta[a] = cells.get(pre.get(a)).att();
      for (int b = a; b < q; b++) {
        Influence x = fs.get(pre.get(a));
        Influence y = fs.get(pre.get(b));
        v[a][b] = clustered ? Influence.clusterCovariance(x, y, m) : Influence.covariance(x, y, m);
        v[b][a] = v[a][b];
      }
    }
    Array2DRowRealMatrix vm = new Array2DRowRealMatrix(v);
    // singular as R's solve() sees it: reciprocal condition number below machine epsilon. The test is
    // relative, and so is the solve: an LU decomposition's absolute pivot threshold (1e-11) rejects a
    // well-conditioned covariance whose entries are merely small (log points squared, large panels).
    SingularValueDecomposition svd = new SingularValueDecomposition(vm);
    double[] sv = svd.getSingularValues();
    if (!(sv[sv.length - 1] > Math.ulp(1.0) * sv[0])) {
      notes.add("pre-test skipped: the covariance of the pre-treatment estimates is singular");
      return null;
    }
    RealVector th = new ArrayRealVector(theta);
    RealVector vInvTheta;
    try {
      vInvTheta = svd.getSolver().solve(th);
    } catch (SingularMatrixException e) {
      notes.add("pre-test skipped: the covariance of the pre-treatment estimates is singular");
      return null;
    }
    double w = th.dotProduct(vInvTheta);
    double pValue = 1 - new ChiSquaredDistribution(q).cumulativeProbability(w);
    return new DidResult.PreTest(w, q, pValue);
  }
}

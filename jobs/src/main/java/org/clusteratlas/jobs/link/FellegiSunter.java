package org.clusteratlas.jobs.link;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;

/**
 * The Fellegi–Sunter model as Splink implements it: each comparison has ordered levels with
 * m = P(level | match) and u = P(level | non-match); a pair's match weight is log2(λ/(1−λ)) plus the sum
 * of log2(m/u) over its levels (a null level adds nothing), and P(match) = 2^w / (1 + 2^w).
 *
 * <p>Parameters are estimated on agreement-pattern counts (Spark groups the blocked pairs by their
 * comparison vector; the driver sees a few hundred rows): u from random pairs (almost all non-matches),
 * m by EM with u held fixed, in sessions that leave out the comparison a training block forces to agree
 * (Splink's training sequence).
 */
public final class FellegiSunter {
  /** Level labels of one comparison, level 0 first (disagreement) up to the closest agreement. */
  public record Comparison(String name, List<String> labels) {
    public int levels() {
      return labels.size();
    }
  }

  /** One agreement pattern: a level per comparison (−1 = null) and how many pairs show it. */
  public record Pattern(int[] levels, double count) {}

  /** λ and per comparison and level m and u. */
  public record Params(double lambda, double[][] m, double[][] u) {
    public double weight(int comparison, int level) {
      return log2(m[comparison][level] / u[comparison][level]);
    }

    /** Total match weight of a pattern under prior {@code prior}. */
    public double weight(int[] levels, double prior) {
      double w = log2(prior / (1 - prior));
      for (int c = 0; c < levels.length; c++) {
        if (levels[c] >= 0) {
          w += weight(c, levels[c]);
        }
      }
      return w;
    }
  }

  /** Result of an EM run. */
  public record Fit(Params params, int iterations, boolean converged) {}

  static final double FLOOR = 1e-6;

  private final List<Comparison> comparisons;

  public FellegiSunter(List<Comparison> comparisons) {
    this.comparisons = List.copyOf(comparisons);
  }

  public List<Comparison> comparisons() {
    return comparisons;
  }

  /** Level frequencies of the patterns (null levels excluded): the u estimate when the pairs are random. */
  public double[][] levelShares(List<Pattern> patterns) {
    double[][] share = new double[comparisons.size()][];
    for (int c = 0; c < comparisons.size(); c++) {
      double[] n = new double[comparisons.get(c).levels()];
      double total = 0;
      for (Pattern p : patterns) {
        int l = p.levels()[c];
        if (l >= 0) {
          n[l] += p.count();
          total += p.count();
        }
      }
      for (int l = 0; l < n.length; l++) {
        // one pseudo-count per level keeps a level unseen among random pairs finite
        n[l] = (n[l] + 1) / (total + n.length);
      }
      share[c] = n;
    }
    return share;
  }

  /** Starting m: closer levels much likelier among matches (the EM then moves them). */
  public double[][] initialM() {
    double[][] m = new double[comparisons.size()][];
    for (int c = 0; c < comparisons.size(); c++) {
      int k = comparisons.get(c).levels();
      double[] v = new double[k];
      double sum = 0;
      for (int l = 0; l < k; l++) {
        v[l] = Math.pow(4, l);
        sum += v[l];
      }
      for (int l = 0; l < k; l++) {
        v[l] /= sum;
      }
      m[c] = v;
    }
    return m;
  }

  /**
   * Expectation–maximisation over pattern counts. E: each pattern's match probability under the current
   * parameters; M: m (and u unless fixed) as probability-weighted level shares, λ as the weighted share of
   * matches. Stops when no parameter moves more than {@code tolerance}.
   */
  public Fit em(List<Pattern> patterns, Params start, boolean fixU, int maxIterations, double tolerance) {
    boolean[] all = new boolean[comparisons.size()];
    java.util.Arrays.fill(all, true);
    return em(patterns, start, all, all, fixU, maxIterations, tolerance);
  }

  /**
   * EM as above, restricted the way Splink trains: comparisons outside {@code use} are left out of the
   * E-step (e.g. the one a training block was built on, whose agreement the block forces), and only the
   * m of comparisons in {@code estimate} is re-estimated; the others keep their m.
   */
  public Fit em(List<Pattern> patterns, Params start, boolean[] use, boolean[] estimate, boolean fixU,
      int maxIterations, double tolerance) {
    Params p = start;
    int k = comparisons.size();
    for (int it = 1; it <= maxIterations; it++) {
      double[][] mNum = zeros();
      double[][] uNum = zeros();
      double[] mDen = new double[k];
      double[] uDen = new double[k];
      double matches = 0;
      double total = 0;
      for (Pattern pat : patterns) {
        int[] seen = pat.levels().clone();
        for (int c = 0; c < k; c++) {
          if (!use[c]) {
            seen[c] = -1;
          }
        }
        double w = p.weight(seen, p.lambda());
        double prob = 1 / (1 + Math.pow(2, -w));
        matches += prob * pat.count();
        total += pat.count();
        for (int c = 0; c < k; c++) {
          int l = pat.levels()[c];
          if (l < 0) {
            continue;
          }
          mNum[c][l] += prob * pat.count();
          mDen[c] += prob * pat.count();
          uNum[c][l] += (1 - prob) * pat.count();
          uDen[c] += (1 - prob) * pat.count();
        }
      }
      double[][] m = new double[k][];
      double[][] u = new double[k][];
      double change = 0;
      for (int c = 0; c < k; c++) {
        int levels = comparisons.get(c).levels();
        m[c] = new double[levels];
        u[c] = new double[levels];
        for (int l = 0; l < levels; l++) {
          boolean update = estimate[c] && mDen[c] > 0;
          m[c][l] = update ? Math.max(FLOOR, mNum[c][l] / mDen[c]) : p.m()[c][l];
          u[c][l] = fixU || !update ? p.u()[c][l] : uDen[c] > 0 ? Math.max(FLOOR, uNum[c][l] / uDen[c]) : p.u()[c][l];
          change = Math.max(change, Math.abs(m[c][l] - p.m()[c][l]));
          change = Math.max(change, Math.abs(u[c][l] - p.u()[c][l]));
        }
      }
      double lambda = Math.min(1 - FLOOR, Math.max(FLOOR, matches / Math.max(1, total)));
      change = Math.max(change, Math.abs(lambda - p.lambda()));
      p = new Params(lambda, m, u);
      if (change < tolerance) {
        return new Fit(p, it, true);
      }
    }
    return new Fit(p, maxIterations, false);
  }

  private double[][] zeros() {
    double[][] z = new double[comparisons.size()][];
    for (int c = 0; c < comparisons.size(); c++) {
      z[c] = new double[comparisons.get(c).levels()];
    }
    return z;
  }

  /** The match weight of comparison {@code c} as a Spark expression over its level column (null → 0). */
  public Column weightColumn(Params p, int c, Column level) {
    Column w = lit(0.0);
    for (int l = comparisons.get(c).levels() - 1; l >= 0; l--) {
      w = when(level.equalTo(l), lit(p.weight(c, l))).otherwise(w);
    }
    return w;
  }

  /** The level label as a Spark expression (null level → "null"). */
  public Column labelColumn(int c, Column level) {
    Column label = lit("null");
    List<String> labels = comparisons.get(c).labels();
    for (int l = labels.size() - 1; l >= 0; l--) {
      label = when(level.equalTo(l), lit(labels.get(l))).otherwise(label);
    }
    return label;
  }

  public static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  public static double probability(double weight) {
    return 1 / (1 + Math.pow(2, -weight));
  }

  /** Parameters as rows for the model table: (comparison, level, label, m, u). */
  public List<Object[]> rows(Params p) {
    List<Object[]> out = new ArrayList<>();
    for (int c = 0; c < comparisons.size(); c++) {
      Comparison comp = comparisons.get(c);
      for (int l = 0; l < comp.levels(); l++) {
        out.add(new Object[] {comp.name(), l, comp.labels().get(l), p.m()[c][l], p.u()[c][l]});
      }
    }
    return out;
  }
}

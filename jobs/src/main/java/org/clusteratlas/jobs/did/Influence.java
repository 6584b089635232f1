package org.clusteratlas.jobs.did;

/**
 * The influence function of one estimate, in the form every estimate of the estimator takes: for a unit i of
 * group c (its cohort, or its cohort and stratum) with outcome vector Y_i, ψ_i = n·(α_c·Y_i − β_c). Cell
 * estimates, their linear aggregations and the estimated-weight ({@code wif}) corrections of R
 * {@code did::aggte} all stay in this form, so variances and covariances follow from the group moments alone
 * and bootstrap draws from per-group multiplier sums. The scale is R's: the analytic standard error is
 * sqrt(Σ ψ_i²) / n.
 */
public final class Influence {
  final double[][] alpha;
  final double[] beta;

  Influence(int groups, int periods) {
    this.alpha = new double[groups][periods];
    this.beta = new double[groups];
  }

  /** this += w · other. */
  void add(double w, Influence other) {
    for (int c = 0; c < beta.length; c++) {
      beta[c] += w * other.beta[c];
      for (int j = 0; j < alpha[c].length; j++) {
        alpha[c][j] += w * other.alpha[c][j];
      }
    }
  }

  /** Adds a constant to ψ of every unit in group c (the {@code wif} terms depend on the cohort only). */
  void addConstant(int c, double value, long n) {
    beta[c] -= value / n;
  }

  /** Σ_i ψ_i·φ_i / n², i.e. the covariance of the two estimates; unit-level clusters. */
  static double covariance(Influence a, Influence b, CohortMoments m) {
    double total = 0;
    for (int c = 0; c < m.groups(); c++) {
      if (m.count[c] == 0) {
        continue;
      }
      double[] ac = a.alpha[c];
      double[] bc = b.alpha[c];
      double quad = 0;
      double aSum = 0;
      double bSum = 0;
      for (int j = 0; j < ac.length; j++) {
        aSum += ac[j] * m.sum[c][j];
        bSum += bc[j] * m.sum[c][j];
        if (ac[j] == 0) {
          continue;
        }
        double row = 0;
        for (int k = 0; k < bc.length; k++) {
          row += m.cross[c][j][k] * bc[k];
        }
        quad += ac[j] * row;
      }
      total += quad - b.beta[c] * aSum - a.beta[c] * bSum + m.count[c] * a.beta[c] * b.beta[c];
    }
    return total;
  }

  /** Cluster-robust covariance: Σ_cl S_cl(ψ)·S_cl(φ) / n², with S_cl the cluster sums of ψ / n. */
  static double clusterCovariance(Influence a, Influence b, CohortMoments m) {
    double total = 0;
    for (double[][] cl : m.clusterSums) {
      total += clusterSum(a, cl) * clusterSum(b, cl);
    }
    return total;
  }

  private static double clusterSum(Influence f, double[][] cl) {
    double s = 0;
    for (int c = 0; c < cl.length; c++) {
      double count = cl[c][f.alpha[c].length];
      if (count == 0) {
        continue;
      }
      for (int j = 0; j < f.alpha[c].length; j++) {
        s += f.alpha[c][j] * cl[c][j];
      }
      s -= f.beta[c] * count;
    }
    return s;
  }
}

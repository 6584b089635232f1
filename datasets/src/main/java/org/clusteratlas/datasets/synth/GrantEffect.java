package org.clusteratlas.datasets.synth;

/**
 * The true causal effect of a firm's first national R&D grant, in natural-log units added to the outcome
 * (0.02 ≈ +2%), by years since the first grant e (0 in the grant year, nothing before). It grows by a
 * step per year and levels off, within the range careful evaluations report (research/
 * program-evaluation.md §4: 0 to about +20% on employment over several years).
 */
final class GrantEffect {
  private GrantEffect() {}

  static double logRevenue(int e) {
    return e < 0 ? 0 : Math.min(0.02 * (e + 1), 0.10);
  }

  static double logEmployment(int e) {
    return e < 0 ? 0 : Math.min(0.012 * (e + 1), 0.06);
  }
}

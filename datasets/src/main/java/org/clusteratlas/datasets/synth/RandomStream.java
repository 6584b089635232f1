package org.clusteratlas.datasets.synth;

import java.util.SplittableRandom;

/**
 * A counter-based random stream: every draw sequence is keyed by (seed, entity kind, entity index,
 * purpose), never by partition or call order, so the output does not depend on how Spark splits the
 * work. A purpose gets its own stream so that adding a draw to one aspect of an entity does not shift
 * every later aspect.
 */
final class RandomStream {
  // entity kinds
  static final int FIRM = 1;
  static final int BRANCH = 2;
  static final int SOLE = 3;
  static final int PROJECT = 4;
  static final int PATENT = 5;
  static final int ORG = 6;
  static final int WORLD = 7;
  static final int NPS_ROW = 8;
  static final int ROW = 9;

  private final SplittableRandom random;

  private RandomStream(long state) {
    this.random = new SplittableRandom(state);
  }

  static RandomStream of(long seed, int kind, long index, int purpose) {
    return new RandomStream(key(seed, kind, index, purpose));
  }

  /** The stream's starting state, also a good 64-bit hash of the same tuple. */
  static long key(long seed, int kind, long index, long purpose) {
    long h = mix64(seed ^ 0x9E3779B97F4A7C15L);
    h = mix64(h ^ (kind * 0xBF58476D1CE4E5B9L));
    h = mix64(h ^ index);
    return mix64(h ^ (purpose * 0x94D049BB133111EBL));
  }

  /** Stafford's variant 13 of the SplitMix64 finaliser. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  double uniform() {
    return random.nextDouble();
  }

  double uniform(double lo, double hi) {
    return lo + (hi - lo) * random.nextDouble();
  }

  int below(int n) {
    return random.nextInt(n);
  }

  /** Uniform integer in [lo, hi]. */
  int between(int lo, int hi) {
    return lo + random.nextInt(hi - lo + 1);
  }

  long nextLong() {
    return random.nextLong();
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  double normal() {
    // Box-Muller; one value per call keeps the draw count per call fixed
    double u = 1.0 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
  }

  double normal(double mean, double sd) {
    return mean + sd * normal();
  }

  /** Pareto with minimum 1 and tail index alpha. */
  double pareto(double alpha) {
    return Math.pow(1.0 - random.nextDouble(), -1.0 / alpha);
  }

  int poisson(double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 40) {
      return (int) Math.max(0, Math.round(normal(mean, Math.sqrt(mean))));
    }
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int n = 0;
    while (product > limit) {
      product *= random.nextDouble();
      n++;
    }
    return n;
  }

  <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }

  /** Index drawn with probability proportional to the cumulative weights' increments. */
  int pickCumulative(double[] cumulative) {
    double u = random.nextDouble() * cumulative[cumulative.length - 1];
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  static double[] cumulative(double[] weights) {
    double[] c = new double[weights.length];
    double s = 0;
    for (int i = 0; i < weights.length; i++) {
      s += weights[i];
      c[i] = s;
    }
    return c;
  }
}

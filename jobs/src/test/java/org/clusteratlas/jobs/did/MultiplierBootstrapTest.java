package org.clusteratlas.jobs.did;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The sup-t helpers on hand-made draws, without Spark. */
class MultiplierBootstrapTest {
  // four draws of two estimates with standard errors 1 and 2: per draw max |draw_k| / se_k = 1, 1.5, 2, 4
  private static final double[][] DRAWS = {{1, 0}, {0, 3}, {2, 2}, {-4, 0}};
  private static final double[] SE = {1, 2};
  private static final int[] BOTH = {0, 1};

  @Test
  void pValueIsTheShareOfDrawsWhoseMaxReachesTheObservedOne() {
    assertThat(MultiplierBootstrap.supTPValue(DRAWS, BOTH, SE, 1.5)).isEqualTo(0.75);
    assertThat(MultiplierBootstrap.supTPValue(DRAWS, BOTH, SE, 4.5)).isEqualTo(0.0);
    assertThat(MultiplierBootstrap.supTPValue(DRAWS, BOTH, SE, 0)).isEqualTo(1.0);
    // the second estimate alone: 0, 1.5, 1, 0
    assertThat(MultiplierBootstrap.supTPValue(DRAWS, new int[] {1}, SE, 1.0)).isEqualTo(0.5);
  }

  @Test
  void criticalValueIsTheTypeOneQuantileOfTheMaxima() {
    // sorted maxima 1, 1.5, 2, 4: the 0.5 quantile (type 1) is the second, the 0.75 quantile the third
    assertThat(MultiplierBootstrap.supT(DRAWS, BOTH, SE, 0.5)).isEqualTo(1.5);
    assertThat(MultiplierBootstrap.supT(DRAWS, BOTH, SE, 0.25)).isEqualTo(2.0);
  }
}

package org.clusteratlas.jobs.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * EM on a pair set small enough to check by hand. Two binary comparisons (name, region) and 125 pairs
 * built from planted parameters: 25 matches with m(name agree) = 0.8, m(region agree) = 0.6 and 100
 * non-matches with u = 0.1 and 0.2, independent within each class. Cell counts, by hand:
 * (agree, agree) = 25·0.8·0.6 + 100·0.1·0.2 = 12 + 2 = 14; (agree, differ) = 8 + 8 = 16;
 * (differ, agree) = 3 + 18 = 21; (differ, differ) = 2 + 72 = 74. The counts equal their expectations, so
 * the planted parameters are the maximum-likelihood fit the EM must reach: λ = 25/125 = 0.2.
 */
class FellegiSunterTest {
  private static final FellegiSunter MODEL = new FellegiSunter(List.of(
      new FellegiSunter.Comparison("name", List.of("differ", "agree")),
      new FellegiSunter.Comparison("region", List.of("differ", "agree"))));

  private static List<FellegiSunter.Pattern> pairs() {
    return List.of(
        new FellegiSunter.Pattern(new int[] {1, 1}, 14),
        new FellegiSunter.Pattern(new int[] {1, 0}, 16),
        new FellegiSunter.Pattern(new int[] {0, 1}, 21),
        new FellegiSunter.Pattern(new int[] {0, 0}, 74));
  }

  @Test
  void emRecoversThePlantedParameters() {
    double[][] u = {{0.9, 0.1}, {0.8, 0.2}};
    FellegiSunter.Params start = new FellegiSunter.Params(0.5, MODEL.initialM(), u);
    FellegiSunter.Fit fit = MODEL.em(pairs(), start, true, 5000, 1e-10);
    FellegiSunter.Params p = fit.params();
    assertThat(fit.converged()).isTrue();
    assertThat(p.lambda()).isCloseTo(0.2, within(1e-3));
    assertThat(p.m()[0][1]).isCloseTo(0.8, within(1e-3));
    assertThat(p.m()[1][1]).isCloseTo(0.6, within(1e-3));
    // weights by hand: name agree log2(0.8/0.1) = 3, region differ log2(0.4/0.8) = -1
    assertThat(p.weight(0, 1)).isCloseTo(3.0, within(0.01));
    assertThat(p.weight(1, 0)).isCloseTo(-1.0, within(0.01));
  }

  @Test
  void emAlsoEstimatesUWhenNotFixed() {
    double[][] u = {{0.7, 0.3}, {0.7, 0.3}};
    FellegiSunter.Fit fit = MODEL.em(pairs(), new FellegiSunter.Params(0.3, MODEL.initialM(), u), false, 5000, 1e-10);
    // two binary comparisons leave the free fit under-determined; it must still explain the table:
    // the fitted mixture reproduces the observed share of (agree, agree) pairs, 14/125
    FellegiSunter.Params p = fit.params();
    double both = p.lambda() * p.m()[0][1] * p.m()[1][1] + (1 - p.lambda()) * p.u()[0][1] * p.u()[1][1];
    assertThat(both).isCloseTo(14.0 / 125, within(0.01));
  }

  @Test
  void weightsAddUpAndNullLevelsCountZero() {
    double[][] m = {{0.1, 0.9}, {0.2, 0.8}};
    double[][] u = {{0.9, 0.1}, {0.8, 0.2}};
    FellegiSunter.Params p = new FellegiSunter.Params(0.5, m, u);
    // prior 0.5 → 0; name agree log2(9); region null → 0
    assertThat(p.weight(new int[] {1, -1}, 0.5)).isCloseTo(FellegiSunter.log2(9), within(1e-12));
    assertThat(p.weight(new int[] {1, 1}, 0.5)).isCloseTo(FellegiSunter.log2(9) + 2, within(1e-12));
    assertThat(FellegiSunter.probability(0)).isEqualTo(0.5);
    assertThat(FellegiSunter.probability(3)).isCloseTo(8.0 / 9, within(1e-12));
  }

  @Test
  void levelSharesAddOnePseudoCount() {
    double[][] u = MODEL.levelShares(pairs());
    // name agree in 30 of 125 pairs → (30+1)/(125+2); region agree in 35 → 36/127
    assertThat(u[0][1]).isCloseTo(31.0 / 127, within(1e-12));
    assertThat(u[1][1]).isCloseTo(36.0 / 127, within(1e-12));
  }
}

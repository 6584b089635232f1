package org.clusteratlas.jobs.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A slice too small to train takes each comparison's parameters from the trained slice whose pairs
 * showed the same levels: rosters (a 시군구 from an address, no 법정동) take region from a KIPRIS-like
 * slice, not from an NTIS-like one that never saw the 시군구 level nor an NPS-like one that also saw
 * the 법정동. Pure Java: the donors are written by hand.
 */
class BorrowedModelTest {
  private static final int REGION = 2;

  /** A donor whose every m and u entry is {@code tag}, so where each comparison came from is visible. */
  private static LinkJob.Donor donor(String source, double tag, Set<Integer> regionLevels) {
    int k = PairScoring.COMPARISONS.size();
    double[][] m = new double[k][];
    double[][] u = new double[k][];
    List<Set<Integer>> observed = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      int levels = PairScoring.COMPARISONS.get(c).levels();
      m[c] = new double[levels];
      u[c] = new double[levels];
      java.util.Arrays.fill(m[c], tag);
      java.util.Arrays.fill(u[c], tag);
      observed.add(c == REGION ? regionLevels : Set.of(0, 1));
    }
    return new LinkJob.Donor(source, new LinkJob.SliceModel(new FellegiSunter.Params(tag, m, u), tag), observed);
  }

  @Test
  void eachComparisonComesFromTheClosestSliceThatSawItsLevels() {
    List<LinkJob.Donor> donors = List.of(
        donor("nps", 1, Set.of(0, 1, 2, 3)),
        donor("kipris", 2, Set.of(0, 1, 2)),
        donor("ntis", 3, Set.of(0, 1)));
    List<Set<Integer>> roster = new ArrayList<>();
    for (int c = 0; c < PairScoring.COMPARISONS.size(); c++) {
      roster.add(c == REGION ? Set.of(1, 2) : Set.of(1));
    }
    List<String> from = new ArrayList<>();
    LinkJob.SliceModel borrowed = LinkJob.borrow(donors, roster, from);

    assertThat(borrowed.params().m()[REGION][0]).as("region from kipris").isEqualTo(2.0);
    assertThat(borrowed.params().u()[REGION][1]).isEqualTo(2.0);
    // every donor saw name levels {0, 1}: equally close, so the latest trained (ntis)
    assertThat(borrowed.params().m()[0][0]).as("name from the latest").isEqualTo(3.0);
    assertThat(borrowed.randomExactU()).isEqualTo(3.0);
    assertThat(from).contains("region from kipris", "name from ntis");
  }

  @Test
  void aLevelNoDonorSawFallsBackToTheLatest() {
    List<LinkJob.Donor> donors = List.of(donor("kipris", 2, Set.of(0, 1, 2)), donor("ntis", 3, Set.of(0, 1)));
    List<Set<Integer>> own = new ArrayList<>();
    for (int c = 0; c < PairScoring.COMPARISONS.size(); c++) {
      own.add(c == REGION ? Set.of(3) : Set.of());
    }
    assertThat(LinkJob.borrow(donors, own, new ArrayList<>()).params().m()[REGION][0]).isEqualTo(3.0);
  }

  @Test
  void aSliceThatCarriesTheSidoOnlyTakesSameSidoAsSameSidoOrFiner() {
    // NTIS rows give a sido: its pairs show region levels {0 differ, 1 sido}; the donor's sido, 시군구 and
    // 법정동 shares add up, m 0.05 + 0.15 + 0.7 + 0.1 → 0.95 from level 1 on; u 0.7 + 0.2 + 0.08 + 0.02 → 0.3
    double[] m = {0.05, 0.15, 0.7, 0.1};
    double[] u = {0.7, 0.2, 0.08, 0.02};
    LinkJob.foldAbove(m, u, 1);
    assertThat(m).containsExactly(new double[] {0.05, 0.95, 0.95, 0.95}, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(u).containsExactly(new double[] {0.7, 0.3, 0.3, 0.3}, org.assertj.core.data.Offset.offset(1e-12));
  }
}

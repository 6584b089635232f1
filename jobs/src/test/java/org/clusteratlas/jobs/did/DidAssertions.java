package org.clusteratlas.jobs.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Assertions shared by the estimator tests. */
final class DidAssertions {
  private DidAssertions() {}

  /** Two results of one estimate made different ways (shared preparation, cells) agree row by row. */
  static void assertSameEstimates(DidResult shared, DidResult alone) {
    assertThat(shared.notes()).isEqualTo(alone.notes());
    assertThat(shared.estimates()).hasSameSizeAs(alone.estimates());
    for (int k = 0; k < alone.estimates().size(); k++) {
      Estimate a = alone.estimates().get(k);
      Estimate b = shared.estimates().get(k);
      String what = a.aggregation() + " " + a.cohort() + " " + a.year() + " " + a.eventTime();
      assertThat(b.aggregation() + " " + b.cohort() + " " + b.year() + " " + b.eventTime()).isEqualTo(what);
      assertThat(b.att()).as(what).isCloseTo(a.att(), within(1e-12));
      if (a.se() == null) {
        assertThat(b.se()).as(what).isNull();
      } else {
        assertThat(b.se()).as(what).isCloseTo(a.se(), within(1e-12));
      }
      if (a.seBoot() != null) {
        assertThat(b.seBoot()).as(what).isCloseTo(a.seBoot(), within(1e-12));
        assertThat(b.bandHigh()).as(what).isCloseTo(a.bandHigh(), within(1e-12));
      }
    }
  }
}

package org.clusteratlas.jobs.outcomes;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.clusteratlas.jobs.did.DidResult;
import org.clusteratlas.jobs.did.Estimate;

/**
 * Turns estimator results into gold.program_effects rows (contract column order), leaving out every number
 * resting on fewer treated firms than the suppression threshold.
 */
final class EffectRows {
  private EffectRows() {}

  static final String CS_VERSION = "cs-founding-year-2 (R did att_gt/aggte rules; parallel trends within founding-year "
      + "strata, est_method reg)";
  static final String NAIVE_VERSION = "naive-before-after-1";
  static final String MATCHED_VERSION = "matched-nn-did-1 (region, KSIC division, size band, pre-growth)";

  /** Where a row belongs: treatment, outcome and breakdown cell. */
  record Key(String program, String outcome, String breakdown, String region, String cluster) {
    static Key all(String program, String outcome) {
      return new Key(program, outcome, "all", "", "");
    }
  }

  /** The non-null key of a row within its aggregation (cohort, year and event time may be null). */
  static String cell(String aggregation, boolean overall, Integer g, Integer t, Integer e) {
    if (overall) {
      return "";
    }
    return switch (aggregation) {
      case "group_time" -> "g=" + g + ",t=" + t;
      case "group" -> "g=" + g;
      case "calendar" -> "t=" + t;
      default -> "e=" + e;
    };
  }

  static List<Row> callawaySantAnna(Key k, DidResult r, int minFirms, String runId, boolean cellsToo) {
    List<Row> out = new ArrayList<>();
    Double p = r.preTest() == null ? null : r.preTest().pValue();
    Double early = r.earlyPreTest() == null ? null : r.earlyPreTest().pValue();
    for (Estimate e : r.estimates()) {
      if (e.nTreated() < minFirms || (!cellsToo && e.aggregation().equals("group_time"))) {
        continue;
      }
      out.add(RowFactory.create(k.program(), k.outcome(), "callaway_santanna", r.options().control().label,
          r.options().base().label, e.aggregation(), e.overall(), k.breakdown(), k.region(), k.cluster(),
          cell(e.aggregation(), e.overall(), e.cohort(), e.year(), e.eventTime()), e.cohort(), e.year(), e.eventTime(), e.baseYear(), e.att(), e.se(), e.ciLow(), e.ciHigh(), e.seBoot(),
          e.bandLow(), e.bandHigh(), e.nTreated(), e.nControl(), p, early, CS_VERSION, runId));
    }
    return out;
  }

  /** Rows of {@link NaiveBeforeAfter} or {@link MatchedDid}: event_time, firms, att, se. */
  static List<Row> simple(Key k, String estimator, String control, List<Row> rows, int minFirms, double z,
      String version, String runId) {
    List<Row> out = new ArrayList<>();
    for (Row r : rows) {
      long firms = r.getLong(1);
      if (firms < minFirms || r.isNullAt(2)) {
        continue;
      }
      boolean overall = r.isNullAt(0);
      double att = r.getDouble(2);
      Double se = r.isNullAt(3) ? null : r.getDouble(3);
      out.add(RowFactory.create(k.program(), k.outcome(), estimator, control, "g-1",
          overall ? "simple" : "dynamic", overall, k.breakdown(), k.region(), k.cluster(),
          cell("dynamic", overall, null, null, overall ? null : r.getInt(0)), null, null,
          overall ? null : r.getInt(0), null, att, se, se == null ? null : att - z * se,
          se == null ? null : att + z * se, null, null, null, firms, "matched_did".equals(estimator) ? firms : 0L,
          null, null, version, runId));
    }
    return out;
  }
}

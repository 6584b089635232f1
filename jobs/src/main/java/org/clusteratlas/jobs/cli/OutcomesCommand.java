package org.clusteratlas.jobs.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.jobs.did.DidResult;
import org.clusteratlas.jobs.did.Estimate;
import org.clusteratlas.jobs.outcomes.FirmPanel;
import org.clusteratlas.jobs.outcomes.OutcomesJob;
import org.clusteratlas.jobs.outcomes.PlantedEffects;
import org.clusteratlas.jobs.spark.AtlasConf;
import org.clusteratlas.jobs.tables.RunManifest;
import org.clusteratlas.jobs.tables.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "outcomes", mixinStandardHelpOptions = true, description = "Build gold.firm_outcomes and gold.program_effects: the naive before/after "
    + "figure beside counterfactual estimates (Callaway & Sant'Anna, matched DiD) of R&D grants and programs.")
public final class OutcomesCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--bootstrap", defaultValue = "999", paramLabel = "N", description = "Multiplier-bootstrap draws (default: ${DEFAULT-VALUE}).")
  int bootstrap;

  @Option(names = "--seed", defaultValue = "20240601", paramLabel = "N", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--min-firms", defaultValue = "10", paramLabel = "N", description = "Suppress numbers on fewer treated firms (default: ${DEFAULT-VALUE}).")
  int minFirms;

  @Option(names = "--no-breakdowns", description = "Skip the per-region and per-KSIC-division estimates.")
  boolean noBreakdowns;

  @Option(names = "--evaluate", paramLabel = "TRUTH_DIR",
      description = "Generator truth folder: show the planted grant effect and whether the 95%% CI covers it.")
  String evaluate;

  /** What one run produced, with the side-by-side rendering the demo prints. */
  public record Outcome(OutcomesJob.Result result, PlantedEffects planted) {
    /** Per outcome and event time: naive before/after beside the CS estimate and its 95% CI (and the truth). */
    public String renderNaiveVsCounterfactual() {
      StringBuilder b = new StringBuilder();
      b.append("Effect of the first R&D grant: the programs' before/after figure vs. the counterfactual estimate\n");
      b.append("(log points; +0.050 ≈ +5.1%. CS = Callaway & Sant'Anna, never-treated firms of the same founding year "
          + "as controls)\n");
      for (String outcome : FirmPanel.OUTCOMES) {
        DidResult cs = result.grantEffects().get(outcome + "/never/varying");
        List<Row> naive = result.naive().getOrDefault(outcome, List.of());
        if (cs == null) {
          b.append(String.format(Locale.ROOT, "%n%s: not estimable (too few firms)%n", outcome));
          continue;
        }
        b.append(String.format(Locale.ROOT, "%n%s%n%5s %12s %12s %24s", outcome, "e", "naive", "CS ATT", "95% CI"));
        // "in CI": pointwise 95% interval; "in band": the simultaneous 95% band over all event times,
        // the interval that holds for every event time at once (about 1 in 20 pointwise CIs misses by chance)
        b.append(planted == null ? "\n" : String.format(Locale.ROOT, " %10s %6s %8s%n", "planted", "in CI", "in band"));
        for (Estimate e : cs.of("dynamic")) {
          if (e.overall() || e.eventTime() < 0) {
            continue;
          }
          Double nv = naive.stream().filter(r -> !r.isNullAt(0) && r.getInt(0) == e.eventTime())
              .map(r -> r.getDouble(2)).findFirst().orElse(null);
          b.append(String.format(Locale.ROOT, "%5d %12s %12.4f %24s", e.eventTime(), nv == null ? "" : String.format(Locale.ROOT, "%+.4f", nv),
              e.att(), e.ciLow() == null ? "" : String.format(Locale.ROOT, "[%+.4f, %+.4f]", e.ciLow(), e.ciHigh())));
          if (planted != null) {
            Double truth = planted.of(outcome, e.eventTime());
            b.append(String.format(Locale.ROOT, " %10s %6s %8s", truth == null ? "" : String.format(Locale.ROOT, "%+.4f", truth),
                covers(truth, e.ciLow(), e.ciHigh()), covers(truth, e.bandLow(), e.bandHigh())));
          }
          b.append('\n');
        }
        cs.overall("simple").ifPresent(s -> b.append(String.format(Locale.ROOT,
            "  overall (simple): CS %+.4f [%+.4f, %+.4f]%n", s.att(), s.ciLow(), s.ciHigh())));
        b.append(String.format(Locale.ROOT,
            "  pre-trend tests: p = %s over every pre-period (Wald), %s before e = -1 (sup-t)%s%n",
            pValue(cs.preTest()), pValue(cs.earlyPreTest()),
            cs.eventTime(-1).map(e -> String.format(Locale.ROOT, " (e = -1: %+.4f)", e.att())).orElse("")));
        naive.stream().filter(r -> r.isNullAt(0)).findFirst().ifPresent(r ->
            b.append(String.format(Locale.ROOT, "  overall naive before/after: %+.4f (%d firms)%n", r.getDouble(2), r.getLong(1))));
      }
      return b.toString();
    }

    private static String pValue(DidResult.PreTest test) {
      return test == null ? "n/a" : String.format(Locale.ROOT, "%.3f", test.pValue());
    }

    private static String covers(Double truth, Double low, Double high) {
      if (truth == null || low == null || high == null) {
        return "";
      }
      return low <= truth && truth <= high ? "yes" : "NO";
    }
  }

  @Override
  public Integer call() {
    AtlasConf conf = common.resolve();
    SparkSession spark = common.session(conf, "outcomes");
    Outcome o = run(new Warehouse(spark, conf.warehouse()),
        new OutcomesJob.Settings(bootstrap, seed, minFirms, FirmPanel.OUTCOMES,
            noBreakdowns ? List.of() : List.of("region", "cluster"), 5), evaluate, common.runId());
    System.out.printf(Locale.ROOT, "outcomes %s: %,d firm-years, %,d effect rows%n", o.result().runId(),
        o.result().firmYears(), o.result().effectRows());
    System.out.print(o.renderNaiveVsCounterfactual());
    return 0;
  }

  /** Entry for the demo and tests: runs the stage with its manifest. */
  public static Outcome run(Warehouse warehouse, OutcomesJob.Settings settings, String truthDir, String runId) {
    PlantedEffects planted = truthDir == null ? null
        : PlantedEffects.read(truthDir, warehouse.spark().sparkContext().hadoopConfiguration());
    OutcomesJob.Result r = RunManifest.record(warehouse, runId, "outcomes",
        m -> new OutcomesJob(warehouse, settings).run(m));
    return new Outcome(r, planted);
  }
}

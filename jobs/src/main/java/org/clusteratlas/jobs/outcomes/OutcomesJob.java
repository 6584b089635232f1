package org.clusteratlas.jobs.outcomes;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_keys;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.clusteratlas.datasets.schema.GoldOutcomes;
import org.clusteratlas.datasets.schema.Silver;
import org.clusteratlas.jobs.UserError;
import org.clusteratlas.jobs.did.DidEstimator;
import org.clusteratlas.jobs.did.DidOptions;
import org.clusteratlas.jobs.did.DidResult;
import org.clusteratlas.jobs.spark.Concurrent;
import org.clusteratlas.jobs.tables.RunManifest;
import org.clusteratlas.jobs.tables.Warehouse;

/**
 * {@code atlas outcomes}: silver firm-years, R&amp;D participations and program rosters →
 * {@code gold.firm_outcomes} (the firm-year panel with treatment cohorts) and {@code gold.program_effects}.
 *
 * <p>For the first national R&amp;D grant (and, more briefly, for the first grant of each large ministry and
 * R&amp;D program, and for each support-program roster) and each outcome it writes: the naive before/after
 * change of treated firms (the programs' own kind of figure); Callaway &amp; Sant'Anna ATT(g,t) with never-
 * and not-yet-treated controls and varying and universal base periods, with all aggregations, analytic
 * and bootstrap standard errors and the pre-test; matched DiD; and breakdowns by home region and KSIC
 * division. Numbers on fewer treated firms than {@code minFirms} are not published. Both tables are
 * rewritten whole, so a re-run with the same inputs gives the same contents.
 */
public final class OutcomesJob {
  private static final Logger LOG = LogManager.getLogger(OutcomesJob.class);

  /**
   * The secondary treatments' estimates run at once ({@link Concurrent}): each is a chain of small Spark
   * jobs; more only queue up on a 2-core machine. (The variants of one panel share its preparation instead,
   * {@link DidEstimator#estimateEach}, and so do the cells of a breakdown, {@link DidEstimator#estimateCells}.)
   */
  private static final int CONCURRENT_ESTIMATES = 3;

  /** How the stage runs: bootstrap draws and seed, suppression threshold, and whether to do breakdowns. */
  public record Settings(int bootstrap, long seed, int minFirms, List<String> outcomes, List<String> breakdowns,
      int maxSecondaryTreatments) {
    public static Settings defaults() {
      return new Settings(999, 20240601L, 10, FirmPanel.OUTCOMES, List.of("region", "cluster"), 5);
    }
  }

  /** The headline numbers of one run, for the CLI, the demo and tests. */
  public record Result(String runId, long firmYears, long effectRows, Map<String, DidResult> grantEffects,
      Map<String, List<Row>> naive, Map<String, List<Row>> matched, Map<String, Double> stepSeconds) {}

  private final Warehouse warehouse;
  private final SparkSession spark;
  private final Settings settings;

  public OutcomesJob(Warehouse warehouse, Settings settings) {
    this.warehouse = warehouse;
    this.spark = warehouse.spark();
    this.settings = settings;
  }

  public Result run(RunManifest manifest) {
    for (var t : List.of(Silver.FIRM_YEAR, Silver.FIRM, Silver.RND_PARTICIPATION, Silver.PROGRAM_PARTICIPATION)) {
      manifest.input(t);
    }
    if (!warehouse.exists(Silver.FIRM_YEAR)) {
      throw new UserError("silver.firm_year does not exist in " + warehouse.root() + " (run 'atlas link' first)");
    }
    Dataset<Row> built = FirmPanel.build(warehouse.read(Silver.FIRM_YEAR), warehouse.read(Silver.FIRM),
        warehouse.read(Silver.RND_PARTICIPATION), warehouse.read(Silver.PROGRAM_PARTICIPATION));
    long firmYears = manifest.step("firm_outcomes", () -> writeOverwrite(GoldOutcomes.FIRM_OUTCOMES, built));
    manifest.output(GoldOutcomes.FIRM_OUTCOMES, firmYears);
    if (firmYears == 0) {
      throw new UserError("silver.firm_year is empty: nothing to estimate");
    }
    Dataset<Row> outcomes = warehouse.read(GoldOutcomes.FIRM_OUTCOMES).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return estimateAll(outcomes, manifest, firmYears);
    } finally {
      outcomes.unpersist();
    }
  }

  private Result estimateAll(Dataset<Row> outcomes, RunManifest manifest, long firmYears) {
    String runId = manifest.runId();
    double z = 1.959963984540054;
    List<Row> rows = new ArrayList<>();
    Map<String, DidResult> grant = new LinkedHashMap<>();
    Map<String, List<Row>> naive = new LinkedHashMap<>();
    Map<String, List<Row>> matched = new LinkedHashMap<>();
    DidOptions base = DidOptions.defaults().withBootstrap(settings.bootstrap(), settings.seed());
    Column grantCohort = col("first_grant_year");

    for (String outcome : settings.outcomes()) {
      Dataset<Row> ep = FirmPanel.estimationPanel(outcomes, grantCohort, outcome).persist(StorageLevel.MEMORY_AND_DISK());
      EffectRows.Key key = EffectRows.Key.all("rnd_grant", outcome);
      manifest.step("cs " + outcome, () -> {
        List<DidOptions> variants = new ArrayList<>();
        for (DidOptions.Control control : DidOptions.Control.values()) {
          for (DidOptions.Base b : DidOptions.Base.values()) {
            variants.add(base.withControl(control).withBase(b));
          }
        }
        // the four variants share one preparation of the panel and one reduction to moments
        for (DidEstimator.Attempt a : DidEstimator.estimateEach(ep, variants, false)) {
          String name = outcome + "/" + a.options().control().label + "/" + a.options().base().label;
          rows.addAll(csRows(key, a, name, runId, true));
          if (a.result() != null) {
            grant.put(name, a.result());
          }
        }
      });
      manifest.step("naive " + outcome, () -> {
        List<Row> n = NaiveBeforeAfter.estimate(ep).collectAsList();
        naive.put(outcome, n);
        rows.addAll(EffectRows.simple(key, "naive_before_after", "none", n, settings.minFirms(), z,
            EffectRows.NAIVE_VERSION, runId));
      });
      manifest.step("matched " + outcome, () -> {
        List<Row> m = MatchedDid.estimate(ep).collectAsList();
        matched.put(outcome, m);
        rows.addAll(EffectRows.simple(key, "matched_did", "matched_notyet", m, settings.minFirms(), z,
            EffectRows.MATCHED_VERSION, runId));
      });
      for (String kind : settings.breakdowns()) {
        manifest.step("breakdown " + kind + " " + outcome, () ->
            rows.addAll(breakdown(ep, kind.equals("region") ? "home_sido" : "home_division", kind, outcome, base, runId)));
      }
      ep.unpersist();
    }
    manifest.step("secondary treatments", () -> rows.addAll(secondaryTreatments(outcomes, base, runId, z)));

    Dataset<Row> effects = spark.createDataFrame(rows, GoldOutcomes.PROGRAM_EFFECTS.schema());
    long effectRows = manifest.step("program_effects", () -> writeOverwrite(GoldOutcomes.PROGRAM_EFFECTS, effects));
    manifest.output(GoldOutcomes.PROGRAM_EFFECTS, effectRows);
    Map<String, Double> seconds = new LinkedHashMap<>();
    manifest.steps().forEach(s -> seconds.merge((String) s.get("step"), (Double) s.get("seconds"), Double::sum));
    manifest.detail("effect_rows", effectRows);
    manifest.detail("suppression_min_treated_firms", settings.minFirms());
    return new Result(runId, firmYears, effectRows, grant, naive, matched, seconds);
  }

  /**
   * CS (never-treated, varying base) within each home region or KSIC division with enough treated firms, all
   * cells estimated together ({@link DidEstimator#estimateCells}).
   */
  private List<Row> breakdown(Dataset<Row> ep, String column, String kind, String outcome, DidOptions opt, String runId) {
    List<Row> out = new ArrayList<>();
    List<String> cells = ep.filter(col(column).isNotNull()).groupBy(column)
        .agg(countDistinct(when(col("cohort").gt(0), col("unit"))).as("treated"))
        .filter(col("treated").geq(settings.minFirms())).orderBy(column).collectAsList()
        .stream().map(r -> r.getString(0)).toList();
    DidEstimator.estimateCells(ep, column, cells, opt, false).forEach((value, a) -> {
      EffectRows.Key key = new EffectRows.Key("rnd_grant", outcome, kind, kind.equals("region") ? value : "",
          kind.equals("cluster") ? value : "");
      out.addAll(csRows(key, a, outcome + " " + kind + "=" + value, runId, false));
    });
    return out;
  }

  /** First grant by ministry and by R&D program (largest ones), and each support-program roster. */
  private List<Row> secondaryTreatments(Dataset<Row> outcomes, DidOptions opt, String runId, double z) {
    List<Row> out = new ArrayList<>();
    Map<String, Column[]> treatments = new LinkedHashMap<>();
    for (String by : List.of("first_grant_ministry", "first_grant_program")) {
      String label = by.equals("first_grant_ministry") ? "ministry" : "program";
      for (Row r : outcomes.filter(col(by).isNotNull()).groupBy(by).agg(countDistinct("firm_id").as("firms"))
          .filter(col("firms").geq(settings.minFirms())).orderBy(col("firms").desc(), col(by))
          .limit(settings.maxSecondaryTreatments()).collectAsList()) {
        String name = r.getString(0);
        // treated: firms whose first grant came from it; controls: never-granted firms
        treatments.put("rnd_grant:" + label + "=" + name, new Column[] {
            when(col(by).equalTo(name), col("first_grant_year")),
            col("first_grant_year").isNull().or(col(by).equalTo(name))});
      }
    }
    for (Row r : outcomes.select(explode(map_keys(col("program_entry"))).as("program_id")).distinct()
        .orderBy("program_id").collectAsList()) {
      String id = r.getString(0);
      treatments.put("roster:" + id, new Column[] {element_at(col("program_entry"), id), lit(true)});
    }
    // One estimate per treatment and outcome, not the treatments as cells of one panel: every treatment's
    // panel holds the never-granted firms (a roster's, every firm), so as cells they would repeat them —
    // at scale 1.0 some 13 × 6.6 M rows per outcome held at once instead of 6.6 M per estimate.
    Map<String, Supplier<List<Row>>> slices = new LinkedHashMap<>();
    for (Map.Entry<String, Column[]> t : treatments.entrySet()) {
      for (String outcome : settings.outcomes()) {
        slices.put(t.getKey() + " " + outcome, () -> {
          Dataset<Row> ep = FirmPanel.estimationPanel(outcomes.filter(t.getValue()[1]), t.getValue()[0], outcome);
          EffectRows.Key key = EffectRows.Key.all(t.getKey(), outcome);
          List<Row> rows = new ArrayList<>(csRows(key, DidEstimator.estimateEach(ep, List.of(opt), false).get(0),
              t.getKey() + " " + outcome, runId, false));
          if (t.getKey().startsWith("roster:")) {
            rows.addAll(EffectRows.simple(key, "naive_before_after", "none",
                NaiveBeforeAfter.estimate(ep).collectAsList(), settings.minFirms(), z, EffectRows.NAIVE_VERSION, runId));
          }
          return rows;
        });
      }
    }
    Concurrent.all(slices, CONCURRENT_ESTIMATES, "atlas-estimate").values().forEach(out::addAll);
    return out;
  }

  /**
   * The published rows of one CS estimate; none when the sample was too small or degenerate for the
   * estimator, which is logged, not fatal for the stage.
   */
  private List<Row> csRows(EffectRows.Key key, DidEstimator.Attempt a, String what, String runId, boolean cellsToo) {
    if (a.error() != null) {
      LOG.warn("outcomes: {} not estimated: {}", what, a.error().getMessage());
      return List.of();
    }
    return EffectRows.callawaySantAnna(key, a.result(), settings.minFirms(), runId, cellsToo);
  }

  private long writeOverwrite(org.clusteratlas.datasets.schema.TableContract table, Dataset<Row> rows) {
    Dataset<Row> conformed = Warehouse.conform(rows, table);
    conformed.write().format("delta").mode("overwrite").option("overwriteSchema", "true").save(warehouse.path(table));
    return warehouse.read(table).agg(count(lit(1))).first().getLong(0);
  }
}

package org.clusteratlas.jobs.cli;

import static org.apache.spark.sql.functions.col;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.jobs.UserError;
import org.clusteratlas.jobs.did.DidCsv;
import org.clusteratlas.jobs.did.DidEstimator;
import org.clusteratlas.jobs.did.DidOptions;
import org.clusteratlas.jobs.did.DidPanel;
import org.clusteratlas.jobs.did.DidResult;
import org.clusteratlas.jobs.spark.AtlasConf;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "did", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Callaway & Sant'Anna (2021) group-time ATTs on any panel you bring, as R did::att_gt + aggte: "
        + "ATT(g,t), simple/group/dynamic/calendar aggregations, analytic and multiplier-bootstrap SEs, sup-t bands, "
        + "Wald pre-test. Unconditional parallel trends, or within the strata of one discrete covariate (--strata).",
        "Never-treated units have cohort 0. Unbalanced panels: units missing a period or outcome are dropped "
            + "(R did's default) unless --unbalanced error."})
public final class DidCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--panel", required = true, paramLabel = "PATH", description = "Long panel: CSV (with header), Parquet or Delta.")
  String panel;

  @Option(names = "--format", paramLabel = "csv|parquet|delta", description = "Panel format; default: from the path.")
  String format;

  @Option(names = "--unit", required = true, paramLabel = "COL", description = "Unit id column.")
  String unit;

  @Option(names = "--time", required = true, paramLabel = "COL", description = "Period column (whole numbers).")
  String time;

  @Option(names = "--cohort", required = true, paramLabel = "COL", description = "First treated period; 0 = never treated.")
  String cohort;

  @Option(names = "--outcome", required = true, paramLabel = "COL", description = "Outcome column.")
  String outcome;

  @Option(names = "--control", defaultValue = "never", paramLabel = "never|notyet", description = "Comparison group (default: ${DEFAULT-VALUE}).")
  String control;

  @Option(names = "--base", defaultValue = "varying", paramLabel = "varying|universal", description = "Base period (default: ${DEFAULT-VALUE}).")
  String base;

  @Option(names = "--cluster", paramLabel = "COL", description = "Cluster variable above the unit (constant within unit).")
  String cluster;

  @Option(names = "--strata", paramLabel = "COL", description = "Discrete, time-invariant covariate: parallel "
      + "trends within its values (R did's est_method=\"reg\" with xformla=~factor(COL)). Treated units in a stratum "
      + "without comparison units are left out of that cell (common support) and counted in the notes.")
  String strata;

  @Option(names = "--by", paramLabel = "COL", description = "Estimate within each value of this column (a region, "
      + "an industry), as if the panel held only that value's rows; all values in one pass. The CSV gets a first "
      + "column named COL (by_COL if the result has a column of that name); values that cannot be estimated are reported and left out. Rows without a value are ignored.")
  String by;

  @Option(names = "--anticipation", defaultValue = "0", paramLabel = "N", description = "Periods of anticipation δ (default: ${DEFAULT-VALUE}).")
  int anticipation;

  @Option(names = "--alpha", defaultValue = "0.05", paramLabel = "A", description = "Significance level (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--bootstrap", defaultValue = "999", paramLabel = "N", description = "Multiplier-bootstrap draws, 0 = none (default: ${DEFAULT-VALUE}).")
  int bootstrap;

  @Option(names = "--seed", defaultValue = "20240601", paramLabel = "N", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--unbalanced", defaultValue = "drop", paramLabel = "drop|error", description = "Units missing a period (default: ${DEFAULT-VALUE}).")
  String unbalanced;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Result CSV to write.")
  String out;

  @Override
  public Integer call() {
    AtlasConf conf = common.resolve();
    DidOptions opt = new DidOptions(DidOptions.Control.parse(control), DidOptions.Base.parse(base), anticipation,
        alpha, bootstrap, seed, DidOptions.Unbalanced.parse(unbalanced));
    SparkSession spark = common.session(conf, "did");
    if (by != null) {
      Map<String, DidEstimator.Attempt> cells = runByValue(spark, panel, format, unit, time, cohort, outcome, cluster,
          strata, by, opt, out);
      cells.forEach((value, a) -> {
        System.out.println("== " + by + " = " + value);
        System.out.print(a.error() == null ? a.result().render() : "  not estimated: " + a.error().getMessage() + "\n");
      });
    } else {
      System.out.print(run(spark, panel, format, unit, time, cohort, outcome, cluster, strata, opt, out).render());
    }
    System.out.println("wrote " + out);
    return 0;
  }

  /** Entry for notebooks and the demo: reads the panel, estimates, writes the CSV (when out is set). */
  public static DidResult run(SparkSession spark, String panelPath, String format, String unit, String time,
      String cohort, String outcome, String cluster, String strata, DidOptions opt, String out) {
    Dataset<Row> raw = read(spark, panelPath, format);
    Dataset<Row> standard = DidPanel.standardize(raw, unit, time, cohort, outcome, cluster, strata);
    DidResult r = DidEstimator.estimate(standard, opt, cluster != null);
    if (out != null) {
      DidCsv.write(r, out, spark.sparkContext().hadoopConfiguration());
    }
    return r;
  }

  /**
   * {@code --by}: the estimate within each value of the column {@code by}, in the values' order, with the
   * error of each value that cannot be estimated; writes the estimated ones (when out is set). Fails only
   * when no value can be estimated.
   */
  public static Map<String, DidEstimator.Attempt> runByValue(SparkSession spark, String panelPath, String format,
      String unit, String time, String cohort, String outcome, String cluster, String strata, String by,
      DidOptions opt, String out) {
    Dataset<Row> raw = read(spark, panelPath, format);
    Dataset<Row> standard = DidPanel.standardize(raw, unit, time, cohort, outcome, cluster, strata, by);
    List<String> values = standard.select(DidPanel.BY).filter(col(DidPanel.BY).isNotNull()).distinct()
        .orderBy(DidPanel.BY).collectAsList().stream().map(r -> r.getString(0)).toList(); // one row per value
    if (values.isEmpty()) {
      throw new UserError("--by column '" + by + "' has no values");
    }
    Map<String, DidEstimator.Attempt> cells = DidEstimator.estimateCells(standard, DidPanel.BY, values, opt,
        cluster != null);
    Map<String, DidResult> estimated = new LinkedHashMap<>();
    cells.forEach((value, a) -> {
      if (a.result() != null) {
        estimated.put(value, a.result());
      }
    });
    if (estimated.isEmpty()) {
      DidEstimator.Attempt first = cells.values().iterator().next();
      throw new UserError("no value of --by " + by + " could be estimated (" + values.get(0) + ": "
          + first.error().getMessage() + ")");
    }
    if (out != null) {
      DidCsv.write(DidCsv.render(by, estimated), out, spark.sparkContext().hadoopConfiguration());
    }
    return cells;
  }

  static Dataset<Row> read(SparkSession spark, String path, String format) {
    Path p = new Path(path);
    String fmt;
    try {
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(p)) {
        throw new UserError("panel not found: " + path);
      }
      fmt = format != null ? format.toLowerCase(Locale.ROOT)
          : fs.exists(new Path(p, "_delta_log")) ? "delta"
          : path.toLowerCase(Locale.ROOT).endsWith(".parquet") || fs.getFileStatus(p).isDirectory() ? "parquet"
          : "csv";
    } catch (java.io.IOException e) {
      throw new UserError("cannot read " + path + ": " + e.getMessage());
    }
    return switch (fmt) {
      case "csv" -> spark.read().option("header", "true").option("inferSchema", "true").csv(path);
      case "parquet" -> spark.read().parquet(path);
      case "delta" -> spark.read().format("delta").load(path);
      default -> throw new UserError("--format must be csv, parquet or delta, got '" + format + "'");
    };
  }
}

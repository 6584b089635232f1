package org.clusteratlas.jobs.outcomes;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.randn;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.clusteratlas.datasets.schema.Silver;
import org.clusteratlas.jobs.cli.OutcomesCommand;
import org.clusteratlas.jobs.tables.Warehouse;

/**
 * Times the outcomes stage on a silver-shaped firm world built directly in Spark (≈600,000 firms × 2015–2025
 * at scale 1.0, grants selected on firm quality, the generator's effect schedule planted), because the
 * silver tables of the generated national data need the link stage (silver.firm gives the founding years for
 * the strata). Prints seconds per step; used for the README's figures, not a test.
 *
 * <pre>java -cp "$(cat jobs/target/launcher/classpath.txt):jobs/target/classes:datasets/target/classes" \
 *   org.clusteratlas.jobs.outcomes.OutcomesBenchmark 0.1 /tmp/outcomes-bench [full]</pre>
 *
 * Without {@code full}: the grant effect on the three outcomes (CS with both control groups and both base
 * periods, 999 bootstrap draws each, naive, matched DiD) and the roster programs; {@code full} adds the
 * per-region and per-division breakdowns and the per-ministry and per-program treatments.
 */
public final class OutcomesBenchmark {
  private OutcomesBenchmark() {}

  public static void main(String[] args) {
    double scale = args.length > 0 ? Double.parseDouble(args[0]) : 0.1;
    String dir = args.length > 1 ? args[1] : "outcomes-bench";
    SparkSession spark = SparkSession.builder().master("local[*]").appName("outcomes-bench")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .config("spark.sql.shuffle.partitions", "8").config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    boolean full = args.length > 2 && args[2].equals("full");
    OutcomesJob.Settings settings = full ? OutcomesJob.Settings.defaults()
        : new OutcomesJob.Settings(999, 20240601L, 10, FirmPanel.OUTCOMES, List.of(), 0);
    Map<String, Object> report = run(spark, scale, dir + "/scale-" + scale, settings);
    System.out.println(report);
    spark.stop();
  }

  /** Builds the world and runs the stage; without breakdowns and secondary treatments unless settings ask. */
  public static Map<String, Object> run(SparkSession spark, double scale, String root, OutcomesJob.Settings settings) {
    Warehouse w = new Warehouse(spark, root);
    long firms = Math.max(1000, Math.round(600_000 * scale));
    long t0 = System.nanoTime();
    writeWorld(spark, w, firms);
    double worldSeconds = (System.nanoTime() - t0) / 1e9;
    long t1 = System.nanoTime();
    OutcomesCommand.Outcome o = OutcomesCommand.run(w, settings, null, "bench-" + scale);
    double stageSeconds = (System.nanoTime() - t1) / 1e9;
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("scale", scale);
    report.put("firms", firms);
    report.put("firm_years", o.result().firmYears());
    report.put("effect_rows", o.result().effectRows());
    report.put("world_seconds", Math.round(worldSeconds));
    report.put("stage_seconds", Math.round(stageSeconds));
    report.put("bootstrap_draws", settings.bootstrap());
    report.put("breakdowns", settings.breakdowns());
    report.put("steps", o.result().stepSeconds());
    System.out.print(o.renderNaiveVsCounterfactual());
    System.out.printf(Locale.ROOT, "outcomes stage at scale %s: %,d firm-years in %.0f s%n", scale,
        o.result().firmYears(), stageSeconds);
    return report;
  }

  private static void writeWorld(SparkSession spark, Warehouse w, long firms) {
    Dataset<Row> f = spark.range(firms).select(
        format_string("%013d", col("id")).as("firm_id"),
        randn(1).as("quality"),
        pmod(col("id"), lit(17)).as("sido_i"), pmod(col("id").divide(17).cast("long"), lit(24)).as("div_i"),
        rand(2).as("u_grant"), rand(3).as("u_year"), rand(4).as("u_roster"));
    Column treated = col("u_grant").lt(lit(1).divide(lit(1).plus(exp(lit(2.2).minus(col("quality"))))));
    f = f.withColumn("cohort", when(treated, lit(2017).plus(col("u_year").multiply(9).cast("int"))).otherwise(0))
        .withColumn("sido", format_string("%02d", col("sido_i").plus(11)))
        .withColumn("division", format_string("%02d", col("div_i").plus(10)));
    Column e = col("year").minus(col("cohort"));
    Column post = col("cohort").gt(0).and(e.geq(0));
    Dataset<Row> fy = f.withColumn("year", explode(sequence(lit(2015), lit(2025))))
        .withColumn("log_rev", lit(19).plus(col("quality")).plus(col("year").minus(2015).multiply(0.04))
            .plus(randn(5).multiply(0.1)).plus(when(post, least(e.plus(1).multiply(0.02), lit(0.10))).otherwise(0)))
        .withColumn("log_emp", lit(2.5).plus(col("quality").multiply(0.6)).plus(col("year").minus(2015).multiply(0.02))
            .plus(randn(6).multiply(0.1)).plus(when(post, least(e.plus(1).multiply(0.012), lit(0.06))).otherwise(0)))
        .select(col("firm_id"), col("year").cast(DataTypes.IntegerType).as("year"), col("sido").as("sido_code"),
            concat(col("sido"), lit("110")).as("region_code"), col("division").as("ksic_division"),
            exp(col("log_emp")).as("employment"), lit("nps").as("employment_source"), lit(1).as("establishments"),
            round(exp(col("log_emp")).multiply(0.15)).cast("long").as("hires"),
            round(exp(col("log_emp")).multiply(0.1)).cast("long").as("leavers"),
            round(exp(col("log_rev"))).cast("long").as("revenue"),
            round(exp(col("log_emp")).multiply(3e6)).cast("long").as("wage_bill"));
    write(w, Silver.FIRM_YEAR, fy);
    // founding years 1975–2015: the estimates' founding-year strata (FirmPanel.foundingStratum) as on real data
    Dataset<Row> firmRows = f.select(col("firm_id"), col("firm_id").as("crn"),
        array().cast(DataTypes.createArrayType(DataTypes.StringType)).as("branch_brns"), col("firm_id").as("name"),
        col("firm_id").as("name_norm"), col("division").as("ksic_division"),
        make_date(lit(1975).plus(floor(rand(7).multiply(41))).cast("int"), lit(1), lit(1)).as("founded"));
    write(w, Silver.FIRM, firmRows);
    Dataset<Row> grants = f.filter(col("cohort").gt(0)).select(col("firm_id"), col("cohort").as("year"),
        lit("lead").as("role"), concat(lit("ministry-"), pmod(col("div_i"), lit(5)).cast("string")).as("ministry"),
        concat(lit("program-"), pmod(col("sido_i"), lit(20)).cast("string")).as("program"));
    write(w, Silver.RND_PARTICIPATION, grants);
    Dataset<Row> rosters = f.filter(col("u_roster").lt(0.05)).select(col("firm_id"),
        concat(lit("roster-"), pmod(col("sido_i"), lit(3)).cast("string")).as("program_id"),
        greatest(lit(2016), lit(2016).plus(col("u_year").multiply(10).cast("int"))).as("selection_year"));
    write(w, Silver.PROGRAM_PARTICIPATION, rosters);
  }

  private static void write(Warehouse w, org.clusteratlas.datasets.schema.TableContract t, Dataset<Row> partial) {
    List<String> have = List.of(partial.columns());
    Dataset<Row> out = partial;
    for (var field : t.schema().fields()) {
      if (!have.contains(field.name())) {
        Column filler = field.nullable() ? lit(null).cast(field.dataType())
            : field.dataType().equals(DataTypes.StringType) ? lit("bench") : lit(0).cast(field.dataType());
        out = out.withColumn(field.name(), filler);
      }
    }
    Warehouse.conform(out, t).write().format("delta").mode("overwrite").save(w.path(t));
  }
}

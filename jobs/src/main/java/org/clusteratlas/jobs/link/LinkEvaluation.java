package org.clusteratlas.jobs.link;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clusteratlas.jobs.UserError;

/**
 * Link quality against the generator's truth ({@code truth/record_firm.csv}: source, file, row, position,
 * crn; crn empty for non-firms). Pairs are (source record, registry firm): a record linked to its true CRN
 * is a true positive, a record linked to any other firm (or linked although it is not a firm) a false
 * positive, a firm record not linked to its true CRN a false negative. Missed pairs are split by why:
 * kept as a non-firm, lost at blocking (the true firm was never compared), or scored wrong (compared,
 * but another firm or no firm won).
 */
public final class LinkEvaluation {
  private LinkEvaluation() {}

  /** Per-source figures. */
  public record SourceQuality(String source, long records, long truePositives, long falsePositives,
      long falseNegatives, long nonFirmLinked, long missedAsNonFirm, long missedAtBlocking, long missedInScoring,
      long notInBronze) {
    public double precision() {
      return truePositives + falsePositives == 0 ? 1.0 : truePositives / (double) (truePositives + falsePositives);
    }

    public double recall() {
      return truePositives + falseNegatives == 0 ? 1.0 : truePositives / (double) (truePositives + falseNegatives);
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  static final StructType TRUTH = new StructType()
      .add("t_source", DataTypes.StringType)
      .add("t_file", DataTypes.StringType)
      .add("t_row", DataTypes.StringType)
      .add("t_position", DataTypes.StringType)
      .add("t_crn", DataTypes.StringType);

  /** The truth table from a truth folder (record_firm.csv, or the generator's per-file parts). */
  public static Dataset<Row> readTruth(SparkSession spark, String truthDir) {
    String dir = truthDir.endsWith("/") ? truthDir.substring(0, truthDir.length() - 1) : truthDir;
    String path;
    try {
      Path root = new Path(dir);
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (fs.exists(new Path(dir + "/record_firm.csv"))) {
        path = dir + "/record_firm.csv";
      } else if (fs.exists(new Path(dir + "/_parts/record_firm"))) {
        path = dir + "/_parts/record_firm";
      } else {
        throw new UserError("no record_firm.csv in truth folder " + truthDir);
      }
    } catch (java.io.IOException e) {
      throw new UserError("cannot read truth folder " + truthDir + ": " + e.getMessage());
    }
    // a header line, when present, fails the numeric row test and is dropped
    return spark.read().schema(TRUTH).csv(path)
        .filter(col("t_row").rlike("^\\d+$"))
        .select(col("t_source"), col("t_file"), col("t_row").cast(DataTypes.LongType).as("t_row"),
            col("t_position").cast(DataTypes.IntegerType).as("t_position"),
            when(col("t_crn").rlike("^\\d{13}$"), col("t_crn")).as("t_crn"));
  }

  /**
   * Evaluates the given sources.
   *
   * @param recordUnits (source, source_file, row_number, position, unit_id) for the linked records
   * @param candidates silver.link_candidate
   */
  public static List<SourceQuality> evaluate(Dataset<Row> truth, Dataset<Row> entityLink, Dataset<Row> recordUnits,
      Dataset<Row> candidates, List<String> sources) {
    Dataset<Row> joined = truth.filter(col("t_source").isin(sources.toArray()))
        .join(entityLink, col("t_file").equalTo(col("source_file")).and(col("t_row").equalTo(col("row_number")))
            .and(col("t_position").equalTo(col("position"))), "left")
        .join(recordUnits.select(col("source_file").as("u_file"), col("row_number").as("u_row"),
                col("position").as("u_position"), col("unit_id")),
            col("t_file").equalTo(col("u_file")).and(col("t_row").equalTo(col("u_row")))
                .and(col("t_position").equalTo(col("u_position"))), "left")
        .join(candidates.select(col("unit_id").as("c_unit"), col("crn").as("c_crn")),
            col("unit_id").equalTo(col("c_unit")).and(col("t_crn").equalTo(col("c_crn"))), "left");
    Column present = col("method").isNotNull();
    Column isFirm = col("t_crn").isNotNull();
    // null-safe: an unlinked record (firm_id null) of a true firm is a miss, not an unknown that sums to 0
    Column tp = present.and(isFirm).and(col("firm_id").eqNullSafe(col("t_crn")));
    Column fp = present.and(col("firm_id").isNotNull()).and(tp.unary_$bang());
    Column fn = present.and(isFirm).and(tp.unary_$bang());
    Column asNonFirm = fn.and(col("method").equalTo("non_firm"));
    Column notDeterministic = col("method").isin("model", "unlinked", "review");
    Column atBlocking = fn.and(asNonFirm.unary_$bang()).and(notDeterministic).and(col("c_crn").isNull());
    Column inScoring = fn.and(asNonFirm.unary_$bang()).and(atBlocking.unary_$bang());
    Dataset<Row> agg = joined.groupBy("t_source").agg(
        sum(when(present, 1).otherwise(0)).as("records"),
        sum(when(tp, 1).otherwise(0)).as("tp"),
        sum(when(fp, 1).otherwise(0)).as("fp"),
        sum(when(fn, 1).otherwise(0)).as("fn"),
        sum(when(present.and(isFirm.unary_$bang()).and(col("firm_id").isNotNull()), 1).otherwise(0)).as("nonfirm_linked"),
        sum(when(asNonFirm, 1).otherwise(0)).as("fn_nonfirm"),
        sum(when(atBlocking, 1).otherwise(0)).as("fn_blocking"),
        sum(when(inScoring, 1).otherwise(0)).as("fn_scoring"),
        sum(when(present.unary_$bang(), 1).otherwise(0)).as("absent"),
        count(lit(1)).as("truth_rows"));
    List<SourceQuality> out = new ArrayList<>();
    for (Row r : agg.orderBy("t_source").collectAsList()) { // one row per source
      out.add(new SourceQuality(r.getString(0), r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4),
          r.getLong(5), r.getLong(6), r.getLong(7), r.getLong(8), r.getLong(9)));
    }
    return out;
  }
}

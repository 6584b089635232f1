package org.clusteratlas.jobs.clusters;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;
import org.clusteratlas.datasets.tech.IpcConcordance;
import org.clusteratlas.datasets.tech.TechField;

/**
 * Fractional patent counting. Each application counts 1 in total at each region level: its parties of
 * one role (applicants or inventors) split it by their silver {@code share}, renormalised over the
 * parties whose region is known at that level (so a party without an address does not make the patent
 * count less than 1). Each application is also split equally over the distinct WIPO fields of its IPC
 * symbols. Weights are exact decimals so sums do not depend on row order or partitioning.
 */
final class PatentCounts {
  private PatentCounts() {}

  /** Decimal used for every fractional sum: exact, hence order-independent. */
  static final DecimalType EXACT = DataTypes.createDecimalType(30, 12);

  static final String APPLICANT = "applicant";
  static final String INVENTOR = "inventor";

  /**
   * Parties of {@code role} at each level where they are located: application_number, firm_id,
   * region_level, region_code, weight (sums to 1 per application and level).
   */
  static Dataset<Row> locatedParties(Dataset<Row> party, String role) {
    Dataset<Row> rows = party.filter(col("role").equalTo(role))
        .select(col("application_number"), col("firm_id"), col("region_code"), col("sido_code"),
            col("share").cast(EXACT).as("share"));
    Dataset<Row> located = RegionLevels.expand(rows);
    // exact sum, then one deterministic double division per row
    Column total = sum("share").over(Window.partitionBy("application_number", "region_level")).cast("double");
    return located.withColumn("weight", try_divide(col("share").cast("double"), total).cast(EXACT))
        .filter(col("weight").isNotNull())
        .drop("share");
  }

  /** The concordance as a frame: subclass, main_group (null for subclass-wide rows), field_id. */
  static Dataset<Row> concordance(SparkSession spark) {
    List<Row> rows = IpcConcordance.load().rows().stream()
        .map(r -> RowFactory.create(r.subclass(), r.mainGroup(), r.fieldId())).toList();
    return spark.createDataFrame(rows, new StructType().add("subclass", DataTypes.StringType)
        .add("main_group", DataTypes.StringType).add("field_id", DataTypes.IntegerType));
  }

  /** The 35 fields: field_id, field_name, sector. */
  static Dataset<Row> fieldNames(SparkSession spark) {
    List<Row> rows = IpcConcordance.load().fields().stream()
        .map((TechField f) -> RowFactory.create(f.id(), f.name(), f.sector())).toList();
    return spark.createDataFrame(rows, new StructType().add("field_id", DataTypes.IntegerType)
        .add("field_name", DataTypes.StringType).add("sector", DataTypes.StringType));
  }

  /**
   * Each application's WIPO fields: application_number, field_id, field_share (1 / number of distinct
   * fields). The main-group row of the concordance wins over the subclass row (G01N 33 → field 11).
   */
  static Dataset<Row> fields(Dataset<Row> patent, Dataset<Row> concordance) {
    Column symbol = explode(ClusterMembership.normalisedIpc(col("ipc")));
    Dataset<Row> symbols = patent.select(col("application_number"), symbol.as("symbol"))
        .withColumn("subclass", regexp_extract(col("symbol"), "^([A-H]\\d{2}[A-Z])", 1))
        .withColumn("_mg", regexp_extract(col("symbol"), "^[A-H]\\d{2}[A-Z](\\d{1,4})", 1))
        .withColumn("main_group", when(col("_mg").notEqual(lit("")), col("_mg").cast("int").cast("string")))
        .filter(col("subclass").notEqual(lit("")));
    Dataset<Row> byGroup = concordance.filter(col("main_group").isNotNull())
        .select(col("subclass"), col("main_group"), col("field_id").as("group_field"));
    Dataset<Row> bySubclass = concordance.filter(col("main_group").isNull())
        .select(col("subclass"), col("field_id").as("subclass_field"));
    Dataset<Row> matched = symbols
        .join(org.apache.spark.sql.functions.broadcast(byGroup),
            symbols.col("subclass").equalTo(byGroup.col("subclass"))
                .and(symbols.col("main_group").equalTo(byGroup.col("main_group"))), "left")
        .drop(byGroup.col("subclass")).drop(byGroup.col("main_group"))
        .join(org.apache.spark.sql.functions.broadcast(bySubclass), "subclass", "left")
        .select(col("application_number"), coalesce(col("group_field"), col("subclass_field")).as("field_id"))
        .filter(col("field_id").isNotNull())
        .distinct();
    Column fieldsOfPatent = count(lit(1)).over(Window.partitionBy("application_number"));
    return matched.withColumn("field_share", lit(1.0).divide(fieldsOfPatent).cast(EXACT));
  }
}

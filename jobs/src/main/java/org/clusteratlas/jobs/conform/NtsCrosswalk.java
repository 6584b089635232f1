package org.clusteratlas.jobs.conform;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clusteratlas.datasets.industry.NtsIndustry;

/**
 * NTS 업종코드 → KSIC division as a small frame for a broadcast join: one row per distinct code that
 * occurs in the data (a national month holds about 1,800), each resolved once by {@link NtsIndustry},
 * so the lookup rules (exact row, 2-digit fallback, placeholder 999999) live in one place.
 */
public final class NtsCrosswalk {
  private NtsCrosswalk() {}

  public static final StructType SCHEMA = new StructType()
      .add("nts_industry_code", DataTypes.StringType, false)
      .add("nts_ksic_division", DataTypes.StringType, true);

  public static Dataset<Row> of(SparkSession spark, Collection<String> codes) {
    NtsIndustry nts = NtsIndustry.load();
    List<Row> rows = new TreeSet<>(codes.stream().filter(c -> c != null).toList()).stream()
        .map(c -> RowFactory.create(c, nts.ksicDivision(c).orElse(null)))
        .toList();
    return spark.createDataFrame(rows, SCHEMA);
  }

  /** The crosswalk for the codes present in bronze NPS rows (one small distinct aggregate). */
  public static Dataset<Row> forNps(Dataset<Row> nps) {
    List<String> codes = nps.select("nts_industry_code").where("nts_industry_code IS NOT NULL").distinct()
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    return of(nps.sparkSession(), codes);
  }
}

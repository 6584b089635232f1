package org.clusteratlas.jobs.link;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clusteratlas.datasets.schema.Bronze;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class SourceUnitsTest {
  private static Dataset<Row> noCodes(SparkSession spark) {
    return spark.createDataFrame(List.of(), new StructType().add("nts_industry_code", DataTypes.StringType)
        .add("ksic_division", DataTypes.StringType));
  }

  private static BronzeRows month(BronzeRows rows, String month, String name, long row) {
    return rows.row("data_month", Date.valueOf(month), "workplace_name", name, "brn_prefix", "123456", "status", 1,
        "region_code_raw", "11110", "region_code", "11110", "business_form", 1, "layout", "NPS_CURRENT",
        "source_file", "nps/" + month + ".csv", "row_number", row);
  }

  @Test
  void aWorkplaceIsOneUnitWhateverItsNameSpacingAndItsUnitsCountEveryRecord(SparkSession spark) {
    BronzeRows rows = new BronzeRows(Bronze.NPS);
    // one workplace written four ways (spaces, a tab, a vertical tab, a trailing newline); a no-break space
    // is not whitespace to the unit id (nor to regex \s), so that spelling is a second workplace
    month(rows, "2020-01-01", "(주) 한빛 테크", 1);
    month(rows, "2020-02-01", " (주)한빛\t테크 ", 1);
    month(rows, "2020-03-01", "(주)한빛\u000B테크\n", 7);
    month(rows, "2020-04-01", "(주)한빛테크", 3);
    month(rows, "2020-04-01", "(주)한빛\u00A0테크", 4);
    Dataset<Row> bronze = rows.frame(spark);
    SourceUnits.Prepared p = SourceUnits.nps(bronze, noCodes(spark));

    assertThat(p.units().orderBy("unit_id").select("unit_id", "unit_records").collectAsList())
        .extracting(Row::toString)
        .containsExactly("[nps:123456:1:(주)한빛\u00A0테크,1]", "[nps:123456:1:(주)한빛테크,4]");
    // the full run takes the record count from the units' sizes
    assertThat(p.units().agg(sum("unit_records")).first().getLong(0)).isEqualTo(p.records().count());
    // the same ids as the regular expression the earlier runs used (review decisions name unit ids)
    List<String> byRegex = bronze.select(concat_ws(":", lit("nps"), col("brn_prefix"),
            col("business_form").cast(DataTypes.StringType),
            regexp_replace(trim(col("workplace_name")), "\\s", "")))
        .as(Encoders.STRING()).collectAsList();
    assertThat(p.records().select("unit_id").as(Encoders.STRING()).collectAsList())
        .containsExactlyInAnyOrderElementsOf(byRegex);
  }
}

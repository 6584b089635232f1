package org.clusteratlas.jobs.conform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clusteratlas.jobs.conform.Frames.row;

import java.sql.Date;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.datasets.schema.Bronze;
import org.clusteratlas.datasets.schema.Silver;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Firm-years from hand-made workplace-years and statements; expected values worked out in the comments. */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirmYearsTest {
  static final String F1 = "1101110000001";
  static final String F2 = "1101110000002";

  private final Map<String, Row> rows = new HashMap<>();
  private long count;

  static Map<String, Object> workplace(String key, int year, String firm, double employment, int months,
      String region, long hires, long leavers, long wageBill) {
    return row("workplace_key", key, "year", year, "firm_id", firm, "business_form", 1, "region_code", region,
        "sido_code", region == null ? null : region.substring(0, 2), "employment", employment,
        "months_reported", months, "hires", hires, "leavers", leavers, "wage_bill", wageBill);
  }

  static Map<String, Object> statement(String crn, int year, String type, long revenue, Integer employees,
      String file, long rowNumber) {
    return row("crn", crn, "fiscal_year", year, "statement_type", type, "revenue", revenue,
        "operating_profit", revenue / 10, "total_assets", revenue * 3, "employees", employees,
        "source_file", file, "row_number", rowNumber, "load_id", "load-1");
  }

  @BeforeAll
  void build(SparkSession spark) {
    Dataset<Row> ey = Frames.of(spark, Silver.ESTABLISHMENT_YEAR,
        // F1 2021: 11.0 + 20.0 = 31.0 employed in two workplaces; the larger one (20) is in 26110
        workplace("w1", 2021, F1, 11.0, 4, "11140", 14, 6, 440),
        workplace("w2", 2021, F1, 20.0, 12, "26110", 3, 1, 1000),
        // F1 2023: only a withdrawn workplace (no registered month): employment falls back to financials
        workplace("w1", 2023, F1, 0.0, 0, "11140", 0, 5, 0),
        // F2 closed in 2020: its 2021 NPS leftovers are outside its life
        workplace("w3", 2021, F2, 7.0, 2, "41610", 0, 0, 70),
        // an unlinked workplace belongs to no firm
        workplace("w4", 2021, null, 50.0, 12, "11110", 0, 0, 500));
    Dataset<Row> fin = Frames.of(spark, Bronze.FINANCIALS,
        statement(F1, 2021, "consolidated", 5000, 90, "financials/financials_2021.csv", 1),
        statement(F1, 2021, "separate", 1000, 35, "financials/financials_2021.csv", 2),
        // 2022 filed twice: the later file's statement wins
        statement(F1, 2022, "separate", 1100, 33, "financials/financials_2022.csv", 3),
        statement(F1, 2022, "separate", 1150, 34, "financials/financials_2023.csv", 1),
        statement(F1, 2023, "separate", 1200, 36, "financials/financials_2023.csv", 2),
        // before F1 was founded (2019): dropped
        statement(F1, 2018, "separate", 900, 30, "financials/financials_2018.csv", 1),
        statement(F2, 2020, "separate", 400, null, "financials/financials_2020.csv", 1));
    Dataset<Row> firms = Frames.of(spark, Silver.FIRM,
        row("firm_id", F1, "crn", F1, "name", "한빛테크", "ksic_division", "26", "founded", Date.valueOf("2019-03-01"),
            "region_code", "11110", "sido_code", "11"),
        row("firm_id", F2, "crn", F2, "name", "우성기전", "ksic_division", "29", "founded", Date.valueOf("2010-01-01"),
            "closed_date", Date.valueOf("2020-06-30"), "region_code", "41610", "sido_code", "41"));
    Dataset<Row> out = FirmYears.build(ey, fin, firms);
    assertThat(out.schema().fieldNames()).containsExactly(Silver.FIRM_YEAR.schema().fieldNames());
    for (Row r : out.collectAsList()) {
      rows.put(r.getAs("firm_id") + "@" + r.getAs("year"), r);
    }
    count = out.count();
  }

  @Test
  void yearsAreTheUnionOfNpsAndFinancialYearsWithinTheFirmsLife() {
    assertThat(rows.keySet()).containsExactlyInAnyOrder(F1 + "@2021", F1 + "@2022", F1 + "@2023", F2 + "@2020");
    assertThat(count).isEqualTo(4);
  }

  @Test
  void npsEmploymentIsTheSumOfWorkplaceMeans() {
    Row r = rows.get(F1 + "@2021");
    assertThat(r.<Double>getAs("employment")).isEqualTo(31.0);
    assertThat(r.<String>getAs("employment_source")).isEqualTo("nps");
    assertThat(r.<Integer>getAs("establishments")).isEqualTo(2);
    assertThat(r.<Long>getAs("hires")).isEqualTo(17L);
    assertThat(r.<Long>getAs("leavers")).isEqualTo(7L);
    assertThat(r.<Long>getAs("wage_bill")).isEqualTo(1440L);
    assertThat(r.<String>getAs("ksic_division")).isEqualTo("26");
  }

  @Test
  void headOfficeRegionIsTheLargestWorkplacesElseTheRegistrys() {
    assertThat(rows.get(F1 + "@2021").<String>getAs("region_code")).isEqualTo("26110");
    assertThat(rows.get(F1 + "@2021").<String>getAs("sido_code")).isEqualTo("26");
    assertThat(rows.get(F1 + "@2022").<String>getAs("region_code")).isEqualTo("11110");
    assertThat(rows.get(F1 + "@2022").<String>getAs("sido_code")).isEqualTo("11");
  }

  @Test
  void separateStatementPreferredAndDuplicatesResolvedToTheLatestFile() {
    assertThat(rows.get(F1 + "@2021").<Long>getAs("revenue")).isEqualTo(1000L);
    assertThat(rows.get(F1 + "@2021").<Long>getAs("operating_profit")).isEqualTo(100L);
    assertThat(rows.get(F1 + "@2021").<Long>getAs("total_assets")).isEqualTo(3000L);
    assertThat(rows.get(F1 + "@2022").<Long>getAs("revenue")).isEqualTo(1150L);
  }

  @Test
  void financialsFallbackIsFlagged() {
    Row y2022 = rows.get(F1 + "@2022");
    assertThat(y2022.<Double>getAs("employment")).isEqualTo(34.0);
    assertThat(y2022.<String>getAs("employment_source")).isEqualTo("financials");
    assertThat(y2022.<Integer>getAs("establishments")).isEqualTo(0);
    assertThat(y2022.<Long>getAs("hires")).isNull();
    Row y2023 = rows.get(F1 + "@2023");
    assertThat(y2023.<Double>getAs("employment")).isEqualTo(36.0);
    assertThat(y2023.<String>getAs("employment_source")).isEqualTo("financials");
    assertThat(y2023.<Long>getAs("leavers")).isEqualTo(5L);
    Row f2 = rows.get(F2 + "@2020");
    assertThat(f2.<Double>getAs("employment")).isNull();
    assertThat(f2.<String>getAs("employment_source")).isNull();
    assertThat(f2.<Long>getAs("revenue")).isEqualTo(400L);
  }
}

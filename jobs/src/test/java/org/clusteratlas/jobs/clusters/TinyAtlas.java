package org.clusteratlas.jobs.clusters;

import static org.clusteratlas.datasets.schema.Silver.ESTABLISHMENT_YEAR;
import static org.clusteratlas.datasets.schema.Silver.FIRM;
import static org.clusteratlas.datasets.schema.Silver.FIRM_YEAR;
import static org.clusteratlas.datasets.schema.Silver.PATENT;
import static org.clusteratlas.datasets.schema.Silver.PATENT_PARTY;
import static org.clusteratlas.datasets.schema.Silver.RND_PARTICIPATION;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.testing.ContractRows;

/**
 * A hand-made silver world small enough to compute every metric on paper: three sigungu (A = 11110
 * and B = 11140 in sido 11, C = 26110 in sido 26), two KSIC divisions (26 electronics, 10 food), years
 * 2020 and 2023, three patents, two R&D projects. The expected values in the tests are worked out in
 * their comments from these rows, not from the code.
 */
final class TinyAtlas {
  private TinyAtlas() {}

  static final String A = "11110";
  static final String B = "11140";
  static final String C = "26110";

  /** Custom clusters: chips lists 2611 and 26110 (one workplace must still count once). */
  static final String CUSTOM_CSV = """
      cluster_id,name_ko,name_en,code_kind,code,note
      chips,칩,Chips,ksic,2611,
      chips,칩,Chips,ksic,26110,overlaps the line above on purpose
      chips,칩,Chips,ipc,H01L,
      chips,칩,Chips,six_t,IT,
      food,식품,Food,ksic,10,
      """;

  static CustomClusters custom() {
    return CustomClusters.parse(CUSTOM_CSV.getBytes(StandardCharsets.UTF_8), "tiny_clusters.csv");
  }

  private static List<Row> metrics;

  /** The fixture's metrics, computed once per JVM (several test classes read them). */
  static synchronized List<Row> metrics(SparkSession spark) {
    if (metrics == null) {
      metrics = ClusterMetrics.compute(inputs(spark), custom()).collectAsList();
    }
    return metrics;
  }

  static ClusterInputs inputs(SparkSession spark) {
    ContractRows firm = ContractRows.of(FIRM)
        .row("firm_id", "F1", "ksic", "26110", "ksic_division", "26", "founded", "2005-01-01", "region_code", A, "sido_code", "11")
        .row("firm_id", "F2", "ksic", "10110", "ksic_division", "10", "founded", "2012-01-01", "region_code", A, "sido_code", "11")
        .row("firm_id", "F3", "ksic", "26120", "ksic_division", "26", "founded", "2020-05-05", "region_code", B, "sido_code", "11")
        .row("firm_id", "F4", "ksic", "10120", "ksic_division", "10", "founded", "2010-01-01", "region_code", C, "sido_code", "26")
        .row("firm_id", "F5", "ksic", "26110", "ksic_division", "26", "founded", "2023-02-01", "region_code", A, "sido_code", "11");
    ContractRows workplaces = ContractRows.of(ESTABLISHMENT_YEAR);
    Object[][] wp = {
        // key, year, firm, sigungu, sido, division, employment, hires
        {"w1", 2020, "F1", A, "11", "26", 40, 4}, {"w2", 2020, "F2", A, "11", "10", 20, 0},
        {"w3", 2020, "F3", B, "11", "26", 20, 0}, {"w4", 2020, null, B, "11", "10", 20, 0},
        {"w5", 2020, "F4", C, "26", "10", 100, 0}, {"w6", 2020, "F1", C, "26", "26", 20, 0},
        {"w1", 2023, "F1", A, "11", "26", 40, 6}, {"w7", 2023, "F5", A, "11", "26", 20, 0},
        {"w2", 2023, "F2", A, "11", "10", 20, 0}, {"w3", 2023, "F3", B, "11", "26", 10, 0},
        {"w4", 2023, null, B, "11", "10", 30, 0}, {"w5", 2023, "F4", C, "26", "10", 80, 0},
        {"w6", 2023, "F1", C, "26", "26", 10, 0}};
    for (Object[] w : wp) {
      workplaces.row("workplace_key", w[0], "year", w[1], "firm_id", w[2], "region_code", w[3], "sido_code", w[4],
          "ksic_division", w[5], "employment", w[6], "hires", w[7], "business_form", 1, "months_reported", 12);
    }
    ContractRows firmYears = ContractRows.of(FIRM_YEAR)
        .row("firm_id", "F1", "year", 2020, "region_code", A, "sido_code", "11", "ksic_division", "26", "revenue", 800)
        .row("firm_id", "F1", "year", 2023, "region_code", A, "sido_code", "11", "ksic_division", "26", "revenue", 1000)
        .row("firm_id", "F2", "year", 2023, "region_code", A, "sido_code", "11", "ksic_division", "10", "revenue", 500)
        .row("firm_id", "F3", "year", 2023, "region_code", B, "sido_code", "11", "ksic_division", "26", "revenue", 300)
        .row("firm_id", "F4", "year", 2020, "region_code", C, "sido_code", "26", "ksic_division", "10", "revenue", 2500)
        .row("firm_id", "F4", "year", 2023, "region_code", C, "sido_code", "26", "ksic_division", "10", "revenue", 2000);
    ContractRows patents = ContractRows.of(PATENT)
        .row("application_number", "P1", "application_year", 2023, "application_date", "2023-03-01",
            "ipc", List.of("H01L 21/02"), "registered", true, "registration_year", 2023, "applicant_count", 2)
        .row("application_number", "P2", "application_year", 2023, "application_date", "2023-04-01",
            "ipc", List.of("A23L 3/00", "G06F 17/00"), "registered", false, "applicant_count", 1)
        .row("application_number", "P3", "application_year", 2023, "application_date", "2023-05-01",
            "ipc", List.of("H01L 33/00", "G01N 33/53"), "registered", false, "applicant_count", 3);
    double third = 1.0 / 3;
    ContractRows parties = ContractRows.of(PATENT_PARTY);
    Object[][] pp = {
        // application, role, position, firm, kind, sigungu, sido, share
        {"P1", "applicant", 1, "F1", "firm", A, "11", 0.5}, {"P1", "applicant", 2, "F3", "firm", B, "11", 0.5},
        {"P1", "inventor", 1, null, "individual", A, "11", third}, {"P1", "inventor", 2, null, "individual", A, "11", third},
        {"P1", "inventor", 3, null, "individual", C, "26", third},
        {"P2", "applicant", 1, "F4", "firm", C, "26", 1.0},
        {"P2", "inventor", 1, null, "individual", C, "26", 0.5}, {"P2", "inventor", 2, null, "individual", null, null, 0.5},
        {"P3", "applicant", 1, "F1", "firm", A, "11", third}, {"P3", "applicant", 2, null, "university", B, "11", third},
        {"P3", "applicant", 3, null, "individual", null, null, third}};
    for (Object[] p : pp) {
      parties.row("application_number", p[0], "application_year", 2023, "role", p[1], "position", p[2],
          "firm_id", p[3], "org_kind", p[4], "org_key", p[3] == null ? p[0] + "-" + p[2] : null,
          "region_code", p[5], "sido_code", p[6], "share", p[7]);
    }
    ContractRows rnd = ContractRows.of(RND_PARTICIPATION);
    Object[][] rp = {
        // project, kind, firm, key, sigungu, sido, gov, private, 6T, row
        {"R1", "firm", "F1", null, A, "11", 100, 50, "01", 1}, {"R1", "university", null, "u1", null, "11", 50, 0, "01", 2},
        {"R1", "institute", null, "i1", null, "26", 30, 0, "01", 3}, {"R2", "firm", "F3", null, B, "11", 40, 10, null, 4},
        {"R2", "firm", "F1", null, A, "11", 20, 0, null, 5}};
    for (Object[] r : rp) {
      rnd.row("project_id", r[0], "year", 2023, "role", "participant", "org_kind", r[1], "firm_id", r[2], "org_key", r[3],
          "org_name", r[2] != null ? r[2] : r[3], "region_code", r[4], "sido_code", r[5], "gov_funding", r[6],
          "private_funding", r[7], "total_funding", ((Integer) r[6]) + ((Integer) r[7]), "six_t", r[8],
          "source_file", "ntis/x.csv", "row_number", r[9]);
    }
    return new ClusterInputs(firm.frame(spark), firmYears.frame(spark), workplaces.frame(spark), rnd.frame(spark),
        patents.frame(spark), parties.frame(spark));
  }
}

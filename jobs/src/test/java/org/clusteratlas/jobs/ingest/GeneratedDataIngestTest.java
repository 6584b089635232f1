package org.clusteratlas.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.datasets.region.RegionVintage;
import org.clusteratlas.datasets.schema.Bronze;
import org.clusteratlas.datasets.synth.GeneratorConfig;
import org.clusteratlas.datasets.synth.NationalGenerator;
import org.clusteratlas.jobs.tables.RunManifest;
import org.clusteratlas.jobs.tables.Warehouse;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest of a small generated national dataset, judged by the generator's truth: every planted
 * defect ends where the documented policy says, and nothing else is rejected.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedDataIngestTest {
  @TempDir
  static Path tmp;

  private Warehouse warehouse;
  private IngestJob.Result result;
  private Dataset<Row> dirt;

  /** Where each kind of planted dirt must end: a quarantine reason, or a repaired bronze row. */
  private static final Map<String, String> QUARANTINED = Map.of(
      "duplicate_row", "duplicate_row",
      "malformed_date", "bad_date",
      "malformed_number", "bad_number",
      "negative_amount", "negative_amount",
      "truncated_line", "truncated_line");

  @BeforeAll
  void generateAndIngest() {
    SparkSession spark = SharedSpark.session();
    String raw = tmp.resolve("raw").toString();
    // 2021–2023 spans two NPS header spellings and the 2023 Gangwon code change, and keeps the test quick
    NationalGenerator.generate(spark, new GeneratorConfig(0.0005, 2021, 2023, YearMonth.of(2023, 12), 7L, raw));
    warehouse = new Warehouse(spark, tmp.resolve("warehouse").toString());
    RunManifest manifest = new RunManifest(warehouse, "generated-test", "ingest");
    result = new IngestJob(warehouse, raw, RegionVintage.current()).run(manifest);
    manifest.finish("succeeded");
    dirt = spark.read().option("header", "true").csv(raw + "/truth/dirt.csv").cache();
  }

  @Test
  void everyFileLoadsAndIsAccountedFor() {
    assertThat(result.failed()).isEmpty();
    assertThat(result.files()).isNotEmpty().allSatisfy(f ->
        assertThat(f.rowsRead()).as(f.file()).isEqualTo(f.rowsLoaded() + f.rowsQuarantined()));
    assertThat(result.files()).extracting(IngestJob.FileResult::source)
        .contains("registry", "financials", "nps", "ntis", "kipris", "programs");
  }

  @Test
  void quarantineHoldsExactlyThePlantedDefects() {
    Dataset<Row> q = warehouse.read(Bronze.QUARANTINE).select(col("source_file").as("file"),
        col("row_number").as("row"), col("reason"));
    Dataset<Row> planted = dirt.where(col("dirt_type").isin(QUARANTINED.keySet().toArray()))
        .select(col("file"), col("row").cast("long").as("row"), col("dirt_type"));
    List<Row> rejectedButNotPlanted = q.join(planted, List.of("file", "row").stream()
        .map(c -> q.col(c).equalTo(planted.col(c))).reduce(org.apache.spark.sql.Column::and).get(), "left_anti")
        .collectAsList();
    // the only rejection the generator may cause without planting it: a byte-identical line that the
    // data happens to repeat (e.g. one organisation listed twice on a project), which the policy rejects
    assertThat(rejectedButNotPlanted).as("rows quarantined without planted dirt")
        .allSatisfy(r -> assertThat(r.<String>getAs("reason")).isEqualTo("duplicate_row"));
    assertThat(rejectedButNotPlanted.size()).as("unplanted exact duplicates stay rare").isLessThan(5);

    Dataset<Row> joined = planted.join(q, planted.col("file").equalTo(q.col("file"))
        .and(planted.col("row").equalTo(q.col("row"))), "left");
    Map<String, Long> wrong = new HashMap<>();
    for (Row r : joined.collectAsList()) {
      String expected = QUARANTINED.get(r.<String>getAs("dirt_type"));
      String actual = r.getAs("reason");
      if (!expected.equals(actual)) {
        wrong.merge(r.<String>getAs("dirt_type") + "->" + actual, 1L, Long::sum);
      }
    }
    assertThat(wrong).as("planted dirt that did not end in its quarantine reason").isEmpty();
    assertThat(planted.count()).as("the generator planted quarantinable dirt").isGreaterThan(0);
  }

  @Test
  void repairedDefectsAreLoadedWithTheirFlags() {
    Dataset<Row> undecodable = dirt.where(col("dirt_type").equalTo("undecodable_bytes"));
    Dataset<Row> nps = warehouse.read(Bronze.NPS).select(col("source_file"), col("row_number"), col("decode_repaired"))
        .unionByName(warehouse.read(Bronze.PROGRAMS).select(col("source_file"), col("row_number"), col("decode_repaired")));
    Dataset<Row> repaired = undecodable.join(nps, undecodable.col("file").equalTo(nps.col("source_file"))
        .and(undecodable.col("row").cast("long").equalTo(nps.col("row_number"))));
    assertThat(repaired.count()).isEqualTo(undecodable.count());
    assertThat(repaired.where(col("decode_repaired")).count()).isEqualTo(undecodable.count());

    long brnDirt = 0;
    for (String[] brn : new String[][] {{"missing_brn", "missing"}, {"invalid_brn", "invalid_checksum"}}) {
      Dataset<Row> planted = dirt.where(col("dirt_type").equalTo(brn[0]));
      Dataset<Row> loaded = warehouse.read(Bronze.NTIS).select(col("source_file"), col("row_number"), col("brn_status"))
          .unionByName(warehouse.read(Bronze.PROGRAMS).select(col("source_file"), col("row_number"), col("brn_status")));
      Dataset<Row> j = planted.join(loaded, planted.col("file").equalTo(loaded.col("source_file"))
          .and(planted.col("row").cast("long").equalTo(loaded.col("row_number"))));
      assertThat(j.count()).as(brn[0]).isEqualTo(planted.count());
      assertThat(j.where(col("brn_status").equalTo(lit(brn[1]))).count()).as(brn[0]).isEqualTo(planted.count());
      brnDirt += planted.count();
    }
    assertThat(brnDirt).as("the generator planted BRN dirt").isGreaterThan(0);
  }

  @Test
  void regionCodesCarriedByOldRecordsAreHarmonised() {
    Dataset<Row> nps = warehouse.read(Bronze.NPS);
    // Gangwon workplaces were written with 42xxx before 2023-06-11 and land on 51xxx
    assertThat(nps.where("region_code_raw LIKE '42%'").count()).isGreaterThan(0);
    assertThat(nps.where("region_code_raw LIKE '42%' AND region_code NOT LIKE '51%'").count()).isZero();
    assertThat(nps.where("region_code IS NULL").count()).isZero();
    assertThat(nps.where("region_code LIKE '29%' OR region_code LIKE '46%' OR region_code LIKE '45%'").count()).isZero();
  }
}

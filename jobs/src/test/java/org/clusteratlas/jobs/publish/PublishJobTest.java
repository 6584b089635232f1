package org.clusteratlas.jobs.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.datasets.schema.GoldClusters;
import org.clusteratlas.datasets.schema.GoldOutcomes;
import org.clusteratlas.datasets.schema.Silver;
import org.clusteratlas.datasets.schema.TableContract;
import org.clusteratlas.jobs.cli.PublishCommand;
import org.clusteratlas.jobs.cli.QualityCommand;
import org.clusteratlas.jobs.quality.QualityJob;
import org.clusteratlas.jobs.spark.AtlasSession;
import org.clusteratlas.jobs.tables.Warehouse;
import org.clusteratlas.testing.ContractRows;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quality gate and serving snapshot on a hand-made warehouse: two rows in each gold table and five
 * entity links. File checksums and the link summary are worked out here, not read back from the code.
 */
@ExtendWith(SharedSpark.class)
class PublishJobTest {
  @TempDir
  Path tmp;

  private static void write(Warehouse w, TableContract t, Dataset<Row> rows) {
    rows.write().format("delta").mode("overwrite").save(w.path(t));
  }

  /** Two rows per gold table, told apart by the first key column. */
  private static void gold(SparkSession spark, Warehouse w, boolean duplicateScoreKey) {
    for (TableContract t : List.of(GoldClusters.CLUSTER_METRICS, GoldClusters.CLUSTER_SCORES,
        GoldClusters.TECH_SPECIALIZATION, GoldOutcomes.FIRM_OUTCOMES, GoldOutcomes.PROGRAM_EFFECTS)) {
      String key = t.keyColumns().get(0);
      Object first = t.schema().apply(key).dataType().typeName().equals("string") ? "a" : 2024;
      Object second = duplicateScoreKey && t.equals(GoldClusters.CLUSTER_SCORES) ? first
          : first instanceof String ? "b" : 2025;
      write(w, t, ContractRows.of(t).row(key, first).row(key, second).frame(spark));
    }
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Test
  void publishesTheGoldTablesAndALinkSummaryAfterTheGate(SparkSession spark) throws Exception {
    Warehouse w = new Warehouse(spark, tmp.resolve("wh").toString());
    gold(spark, w, false);
    write(w, Silver.ENTITY_LINK, ContractRows.of(Silver.ENTITY_LINK)
        .row("source", "registry", "row_number", 1L, "firm_id", "F1", "org_kind", "firm", "method", "crn_exact", "match_probability", 1.0)
        .row("source", "registry", "row_number", 2L, "firm_id", "F2", "org_kind", "firm", "method", "crn_exact", "match_probability", 1.0)
        .row("source", "nps", "row_number", 3L, "firm_id", "F1", "org_kind", "firm", "method", "model", "match_probability", 0.97)
        .row("source", "nps", "row_number", 4L, "firm_id", "F2", "org_kind", "firm", "method", "model", "match_probability", 1.0)
        .row("source", "ntis", "row_number", 5L, "org_kind", "university", "method", "non_firm")
        .frame(spark));

    assertThat(QualityCommand.run(w, "run-1").failed()).isEmpty();
    // the CLI puts --run-date in the session; the snapshot and the stage's own manifest name it
    spark.conf().set(AtlasSession.RUN_DATE, "2026-06-30");
    String folder;
    try {
      folder = PublishCommand.run(w, "run-1");
    } finally {
      spark.conf().unset(AtlasSession.RUN_DATE);
    }
    Path snap = tmp.resolve("wh/_serving/run-1");
    assertThat(Path.of(folder).toAbsolutePath().normalize()).isEqualTo(snap.toAbsolutePath().normalize());
    assertThat(Files.readString(tmp.resolve("wh/_serving/latest"), StandardCharsets.UTF_8).trim()).isEqualTo("run-1");

    JsonNode manifest = new ObjectMapper().readTree(snap.resolve("manifest.json").toFile());
    assertThat(manifest.path("run_id").asText()).isEqualTo("run-1");
    assertThat(manifest.path("run_date").asText()).isEqualTo("2026-06-30");
    assertThat(new ObjectMapper().readTree(tmp.resolve("wh/_runs/run-1/publish.json").toFile())
        .path("run_date").asText()).isEqualTo("2026-06-30");
    JsonNode tables = manifest.path("tables");
    assertThat(tables.has("silver.entity_link")).as("the link table itself is not served").isFalse();
    for (String t : List.of("gold.cluster_metrics", "gold.cluster_scores", "gold.tech_specialization",
        "gold.firm_outcomes", "gold.program_effects")) {
      JsonNode e = tables.path(t);
      assertThat(e.path("rows").asLong()).as(t).isEqualTo(2);
      assertThat(e.path("delta_version").asLong()).as(t).isZero();
      for (JsonNode f : e.path("files")) {
        Path file = snap.resolve(f.path("path").asText());
        assertThat(f.path("sha256").asText()).as(file.toString()).isEqualTo(sha256(file));
        assertThat(f.path("bytes").asLong()).isEqualTo(Files.size(file));
      }
    }
    assertThat(Files.readAllLines(snap.resolve("gold.cluster_scores.csv"))).hasSize(3); // header + 2

    // the summary: 2 crn_exact, model links in bins [0.95, 0.975) and [0.975, 1] (p = 1 is in the last
    // bin), and the university
    JsonNode summary = tables.path("silver.entity_link_summary");
    assertThat(summary.path("derived_from").asText()).isEqualTo("silver.entity_link");
    assertThat(summary.path("rows").asLong()).isEqualTo(4);
    List<String> cells = spark.read().parquet(snap.resolve("silver.entity_link_summary.parquet").toString())
        .collectAsList().stream()
        .map(r -> r.getAs("source") + "/" + r.getAs("method") + "/" + r.getAs("linked") + "/"
            + r.getAs("probability_bin") + "/" + r.getAs("records"))
        .sorted().toList();
    assertThat(cells).containsExactly("nps/model/true/0.95/1", "nps/model/true/0.975/1",
        "ntis/non_firm/false/null/1", "registry/crn_exact/true/null/2");
  }

  @Test
  void aFailedExpectationNamesItAndPublishesNothing(SparkSession spark) {
    Warehouse w = new Warehouse(spark, tmp.resolve("bad").toString());
    gold(spark, w, true);
    assertThatThrownBy(() -> QualityCommand.run(w, "run-2"))
        .isInstanceOf(QualityJob.QualityFailure.class)
        .hasMessageContaining("gold.cluster_scores")
        .hasMessageContaining("keys_unique")
        .hasMessageContaining("nothing published");
    assertThat(Files.exists(tmp.resolve("bad/_serving/latest"))).isFalse();
  }
}

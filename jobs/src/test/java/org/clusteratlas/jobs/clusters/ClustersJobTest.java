package org.clusteratlas.jobs.clusters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.datasets.schema.GoldClusters;
import org.clusteratlas.datasets.schema.Silver;
import org.clusteratlas.datasets.schema.TableContract;
import org.clusteratlas.jobs.Main;
import org.clusteratlas.jobs.cli.ClustersCommand;
import org.clusteratlas.jobs.tables.Warehouse;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The stage on a Delta warehouse: tables, manifest, top list, planted-truth check, re-runs by year. */
@ExtendWith(SharedSpark.class)
class ClustersJobTest {
  @TempDir
  Path tmp;

  private static List<Row> sorted(Dataset<Row> rows) {
    return rows.collectAsList().stream().sorted(Comparator.comparing(Row::toString)).toList();
  }

  @Test
  void scoresTheWarehouseAndChecksThePlantedCluster(SparkSession spark) throws Exception {
    Warehouse warehouse = new Warehouse(spark, tmp.resolve("wh").toString());
    ClusterInputs in = TinyAtlas.inputs(spark);
    List<TableContract> tables = List.of(Silver.FIRM, Silver.FIRM_YEAR, Silver.ESTABLISHMENT_YEAR,
        Silver.RND_PARTICIPATION, Silver.PATENT, Silver.PATENT_PARTY);
    List<Dataset<Row>> frames = List.of(in.firm(), in.firmYear(), in.establishmentYear(), in.rndParticipation(),
        in.patent(), in.patentParty());
    for (int i = 0; i < tables.size(); i++) {
      frames.get(i).write().format("delta").save(warehouse.path(tables.get(i)));
    }
    Path custom = Files.writeString(tmp.resolve("tiny_clusters.csv"), TinyAtlas.CUSTOM_CSV);
    Path truth = Files.createDirectories(tmp.resolve("truth"));
    // the planted cluster is A × 26: in 2023 LQ 1.97 ≥ p75 1.31, 60 > p25 10 employees, 2 > p25 1 workplaces
    Files.writeString(truth.resolve("strong_clusters.csv"),
        "region_code,ksic_division,first_year,last_year,strength\n11110,26,2020,2023,5.000\n");

    ClustersJob.Result r = ClustersCommand.run(warehouse,
        new ClustersJob.Options(List.of(), custom, null, truth), "test-run");

    assertThat(r.latestYear()).isEqualTo(2023);
    assertThat(r.evaluation()).hasValueSatisfying(e -> {
      assertThat(e.k()).isEqualTo(1);
      assertThat(e.flagged()).isEqualTo(1);
      assertThat(e.precision()).isEqualTo(1.0);
    });
    assertThat(r.methodVersion()).contains(ClusterScores.METHOD).contains("tiny_clusters.csv#");
    assertThat(r.metricsRows()).isEqualTo(r.scoresRows()).isPositive();
    String top = r.renderTop(10);
    assertThat(top.lines().skip(2).findFirst()).hasValueSatisfying(line -> assertThat(line).contains("종로구"));
    assertThat(Files.exists(tmp.resolve("wh/_runs/test-run/clusters.json"))).isTrue();
    assertThat(Files.readString(tmp.resolve("wh/_runs/test-run/clusters.json"))).contains("\"succeeded\"")
        .contains("planted_precision_at_k");
    Dataset<Row> scores = warehouse.read(GoldClusters.CLUSTER_SCORES);
    assertThat(scores.filter("method_version is null").count()).isZero();

    // re-writing one year replaces it with the same rows and leaves the other year alone
    List<Row> before = sorted(warehouse.read(GoldClusters.CLUSTER_METRICS));
    ClustersCommand.run(warehouse, new ClustersJob.Options(List.of(2023), custom, null, null), "test-rerun");
    assertThat(sorted(warehouse.read(GoldClusters.CLUSTER_METRICS))).isEqualTo(before);
  }

  private static String runCli(String... args) {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      int status = Main.execute(args);
      assertThat(status).isEqualTo(2);
      return buf.toString(StandardCharsets.UTF_8);
    } finally {
      System.setErr(old);
    }
  }

  @Test
  void userMistakesAreOneLine(SparkSession spark) throws Exception {
    assertThat(runCli("clusters", "--warehouse", tmp.resolve("empty").toString()))
        .contains("silver.establishment_year and silver.firm are needed").doesNotContain("\tat ");
    assertThat(runCli("clusters", "--years", "twenty", "--warehouse", tmp.resolve("empty").toString()))
        .contains("--years").doesNotContain("\tat ");
    Path bad = Files.writeString(tmp.resolve("bad.csv"), "cluster_id,name_ko,name_en,code_kind,code,note\nx,엑스,X,naics,1,\n");
    String err = runCli("clusters", "--custom-clusters", bad.toString(), "--warehouse", tmp.resolve("empty").toString());
    assertThat(err.lines().filter(l -> l.startsWith("atlas:")).toList()).singleElement()
        .satisfies(l -> assertThat(l).contains("bad.csv line 2").contains("code_kind"));
  }
}

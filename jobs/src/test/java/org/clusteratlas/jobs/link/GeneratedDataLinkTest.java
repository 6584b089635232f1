package org.clusteratlas.jobs.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.datasets.region.RegionVintage;
import org.clusteratlas.datasets.schema.Link;
import org.clusteratlas.datasets.synth.GeneratorConfig;
import org.clusteratlas.datasets.synth.NationalGenerator;
import org.clusteratlas.jobs.cli.LinkCommand;
import org.clusteratlas.jobs.ingest.IngestJob;
import org.clusteratlas.jobs.tables.RunManifest;
import org.clusteratlas.jobs.tables.Warehouse;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate → ingest → link on a small synthetic country, judged against the generator's planted truth
 * (truth/record_firm.csv, which knows the CRN behind every source record): the quality targets
 * per source, with the model trained by EM on the run's own blocked pairs.
 */
@ExtendWith(SharedSpark.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedDataLinkTest {
  @TempDir
  static Path tmp;

  private Map<String, LinkEvaluation.SourceQuality> quality;
  private LinkCommand.Outcome outcome;
  private Warehouse warehouse;

  @BeforeAll
  void generateIngestLink() {
    SparkSession spark = SharedSpark.session();
    String raw = tmp.resolve("raw").toString();
    NationalGenerator.generate(spark, new GeneratorConfig(0.002, 2025, 2025, YearMonth.of(2025, 12), 11L, raw));
    warehouse = new Warehouse(spark, tmp.resolve("warehouse").toString());
    RunManifest manifest = new RunManifest(warehouse, "ingest-1", "ingest");
    new IngestJob(warehouse, raw, RegionVintage.current()).run(manifest);
    manifest.finish("succeeded");
    outcome = LinkCommand.run(warehouse, raw + "/truth", null, false, "link-1");
    System.out.print(outcome.render());
    quality = outcome.evaluation().stream()
        .collect(Collectors.toMap(LinkEvaluation.SourceQuality::source, Function.identity()));
  }

  @Test
  void everySourceIsEvaluated() {
    assertThat(quality).containsOnlyKeys("ntis", "programs", "kipris", "nps");
    assertThat(quality.values()).allSatisfy(q -> assertThat(q.records()).isPositive());
  }

  @Test
  void ntisAndRostersMeetTheirTargets() {
    for (String s : List.of("ntis", "programs")) {
      assertThat(quality.get(s).precision()).as(s + " precision").isGreaterThanOrEqualTo(0.995);
      assertThat(quality.get(s).recall()).as(s + " recall").isGreaterThanOrEqualTo(0.98);
    }
  }

  @Test
  void kiprisApplicantsAndNpsWorkplacesMeetTheirTargets() {
    for (String s : List.of("kipris", "nps")) {
      assertThat(quality.get(s).precision()).as(s + " precision").isGreaterThanOrEqualTo(0.99);
      assertThat(quality.get(s).recall()).as(s + " recall").isGreaterThanOrEqualTo(0.95);
    }
  }

  @Test
  void modelWasTrainedPerSliceAndPersisted() {
    List<String> trained = outcome.result().slices().stream().filter(LinkJob.SliceStats::trained)
        .map(LinkJob.SliceStats::source).toList();
    assertThat(trained).contains("nps", "kipris"); // the two large slices always have enough pairs
    assertThat(outcome.result().slices()).filteredOn(LinkJob.SliceStats::trained)
        .allSatisfy(s -> assertThat(s.emConverged()).as(s.source() + " EM converged").isTrue());
    for (String slice : trained) {
      assertThat(warehouse.read(Link.MODEL).filter(org.apache.spark.sql.functions.col("slice").equalTo(slice))
          .select("comparison").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
          .as(slice).contains("name", "brn", "region", "industry", "legal_form", "_prior", "_tf");
    }
  }
}

package org.clusteratlas.jobs.cli;

import static org.apache.spark.sql.functions.col;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.datasets.schema.Bronze;
import org.clusteratlas.datasets.schema.Link;
import org.clusteratlas.datasets.schema.Silver;
import org.clusteratlas.jobs.UserError;
import org.clusteratlas.jobs.link.LinkEvaluation;
import org.clusteratlas.jobs.link.LinkJob;
import org.clusteratlas.jobs.link.LinkSettings;
import org.clusteratlas.jobs.link.ReviewDecisions;
import org.clusteratlas.jobs.link.SourceUnits;
import org.clusteratlas.jobs.region.AddressRegions;
import org.clusteratlas.jobs.spark.AtlasConf;
import org.clusteratlas.jobs.tables.RunManifest;
import org.clusteratlas.jobs.tables.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "link", mixinStandardHelpOptions = true, description = "Resolve source records to registered firms: silver.firm, silver.entity_link, "
    + "silver.link_review.")
public final class LinkCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common;

  @Option(names = "--evaluate", paramLabel = "TRUTH_DIR",
      description = "Compare the links with the generator's truth folder (record_firm.csv) and print precision, recall, F1.")
  String evaluate;

  @Option(names = "--review-decisions", paramLabel = "CSV",
      description = "Clerical decisions (source,unit_id,crn,decision accept|reject) that override the model.")
  String reviewDecisions;

  @Option(names = "--full", description = "Forget earlier links and trained parameters; link every record anew.")
  boolean full;

  /** What {@code atlas link} did, printable. */
  public record Outcome(LinkJob.Result result, List<Row> quality, List<LinkEvaluation.SourceQuality> evaluation,
      double seconds) {
    /** Benchmark figures: records decided per second of the whole stage (evaluation included). */
    public double recordsPerSecond() {
      return seconds > 0 ? result.newRecords() / seconds : 0;
    }

    /** Candidate pairs scored, all slices. */
    public long comparisons() {
      return result.slices().stream().mapToLong(LinkJob.SliceStats::comparisons).sum();
    }

    public String render() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format("link %s: %,d firms, %,d records linked this run in %.1f s (%,.0f records/s, "
          + "%,d comparisons)%n", result.runId(), result.firms(), result.newRecords(), seconds, recordsPerSecond(),
          comparisons()));
      for (LinkJob.SliceStats s : result.slices()) {
        String em = !s.trained() ? ""
            : ", trained (EM " + s.emIterations() + " it." + (s.emConverged() ? "" : ", not converged") + ")";
        sb.append(String.format("  %-9s %,9d records, %,8d units to the model, %,11d comparisons%s, %.1f s%n", s.source(),
            s.records(), s.modelUnits(), s.comparisons(), em, s.seconds()));
      }
      sb.append(String.format("%-10s %10s %10s %9s %9s %10s %10s %9s %8s%n", "source", "records", "linked",
          "non-firm", "unlinked", "crn_exact", "brn_exact", "model", "review"));
      for (Row r : quality) {
        sb.append(String.format("%-10s %,10d %,10d %,9d %,9d %,10d %,10d %,9d %,8d%n", r.getString(0), r.getLong(1),
            r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6), r.getLong(7), r.getLong(8)));
      }
      if (evaluation != null) {
        sb.append(String.format("%nagainst truth%n%-10s %9s %9s %9s %7s %6s %6s %8s %9s %8s %8s%n", "source",
            "precision", "recall", "F1", "TP", "FP", "FN", "nonfirm+", "miss:nonf", "miss:blk", "miss:scr"));
        for (LinkEvaluation.SourceQuality q : evaluation) {
          sb.append(String.format("%-10s %9.4f %9.4f %9.4f %,7d %,6d %,6d %8d %9d %8d %8d%n", q.source(),
              q.precision(), q.recall(), q.f1(), q.truePositives(), q.falsePositives(), q.falseNegatives(),
              q.nonFirmLinked(), q.missedAsNonFirm(), q.missedAtBlocking(), q.missedInScoring()));
        }
      }
      return sb.toString();
    }
  }

  @Override
  public Integer call() {
    if (evaluate != null && !new File(evaluate).exists() && !evaluate.contains("://")) {
      throw new UserError("truth folder not found: " + evaluate);
    }
    AtlasConf conf = common.resolve();
    String runId = common.runId();
    SparkSession spark = common.session(conf, "link");
    Outcome o = run(new Warehouse(spark, conf.warehouse()), evaluate, reviewDecisions, full, runId);
    System.out.print(o.render());
    return 0;
  }

  /** The link stage with its manifest; the entry {@code demo} calls. */
  public static Outcome run(Warehouse warehouse, String truthDir, String reviewCsv, boolean full, String runId) {
    long t0 = System.nanoTime();
    return RunManifest.record(warehouse, runId, "link", manifest -> {
      Dataset<Row> decisions = reviewCsv == null ? null : ReviewDecisions.read(warehouse.spark(), reviewCsv);
      if (reviewCsv != null) {
        manifest.input("review_decisions", reviewCsv);
      }
      LinkJob.Result r = new LinkJob(warehouse, LinkSettings.defaults(), full, decisions).run(manifest);
      List<Row> quality = r.quality().collectAsList(); // one row per source
      List<LinkEvaluation.SourceQuality> evaluation = null;
      if (truthDir != null) {
        manifest.input("truth", truthDir);
        evaluation = manifest.step("evaluate", () -> evaluate(warehouse, truthDir));
        List<Object> details = new ArrayList<>();
        for (LinkEvaluation.SourceQuality q : evaluation) {
          details.add(java.util.Map.of("source", q.source(), "precision", q.precision(), "recall", q.recall(),
              "f1", q.f1(), "missed_at_blocking", q.missedAtBlocking(), "missed_in_scoring", q.missedInScoring(),
              "non_firm_linked", q.nonFirmLinked()));
        }
        manifest.detail("evaluation", details);
      }
      return new Outcome(r, quality, evaluation, (System.nanoTime() - t0) / 1e9);
    });
  }


  static List<LinkEvaluation.SourceQuality> evaluate(Warehouse warehouse, String truthDir) {
    Dataset<Row> truth = LinkEvaluation.readTruth(warehouse.spark(), truthDir);
    Dataset<Row> addresses = AddressRegions.lookup(warehouse.spark());
    Dataset<Row> units = SourceUnits.ntis(warehouse.read(Bronze.NTIS)).records()
        .unionByName(SourceUnits.programs(warehouse.read(Bronze.PROGRAMS), addresses).records())
        .unionByName(SourceUnits.kipris(warehouse.read(Bronze.KIPRIS), addresses).records())
        .unionByName(SourceUnits.nps(warehouse.read(Bronze.NPS),
            warehouse.spark().createDataFrame(List.of(), new org.apache.spark.sql.types.StructType()
                .add("nts_industry_code", "string").add("ksic_division", "string"))).records())
        .select(col("source"), col("source_file"), col("row_number"), col("position"), col("unit_id"));
    return LinkEvaluation.evaluate(truth, warehouse.read(Silver.ENTITY_LINK), units, warehouse.read(Link.CANDIDATE),
        List.of("ntis", "programs", "kipris", "nps"));
  }

}

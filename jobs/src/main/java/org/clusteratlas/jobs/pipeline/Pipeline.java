package org.clusteratlas.jobs.pipeline;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.clusteratlas.jobs.UserError;
import org.clusteratlas.jobs.clusters.ClustersJob;
import org.clusteratlas.jobs.cli.ClustersCommand;
import org.clusteratlas.jobs.cli.ConformCommand;
import org.clusteratlas.jobs.cli.IngestCommand;
import org.clusteratlas.jobs.cli.LinkCommand;
import org.clusteratlas.jobs.cli.OutcomesCommand;
import org.clusteratlas.jobs.cli.PublishCommand;
import org.clusteratlas.jobs.cli.QualityCommand;
import org.clusteratlas.jobs.cli.ReportCommand;
import org.clusteratlas.jobs.ingest.IngestJob;
import org.clusteratlas.jobs.outcomes.OutcomesJob;
import org.clusteratlas.jobs.spark.Concurrent;
import org.clusteratlas.jobs.tables.Warehouse;

/**
 * Runs the stages of {@link StageGraph#PIPELINE} in order, in one process, for {@code atlas run} and
 * {@code atlas demo}. Each stage commits its own outputs, so when one fails the earlier ones stay
 * committed and the run can be resumed with {@code --from <stage>}.
 */
public final class Pipeline {
  /**
   * What a run needs besides the warehouse: the raw folder, an optional truth folder, the run id,
   * whether it is a quick demonstration (outcomes with 199 bootstrap draws and no regional or cluster
   * breakdowns) or a full run, and whether link forgets earlier links and links every record anew (a
   * benchmark on a warehouse already linked would otherwise time an incremental run with nothing new).
   */
  public record Settings(String raw, String truthDir, String runId, boolean quick, boolean relinkAll) {}

  /** A stage that failed: which one, why, and how to resume. */
  public static final class StageFailure extends RuntimeException {
    public StageFailure(String stage, RuntimeException cause) {
      super("stage '" + stage + "' failed: " + cause.getMessage()
          + " — earlier stages are committed; resume with 'atlas run --from " + stage + "'", cause);
    }
  }

  private interface StageRunner {
    /** Runs the stage and returns what to print about it. */
    String run(Warehouse warehouse, Settings settings);
  }

  private static final Map<String, StageRunner> RUNNERS = new LinkedHashMap<>();

  static {
    RUNNERS.put("ingest", (w, s) -> {
      IngestJob.Result r = IngestCommand.run(w, s.raw(), null, s.runId());
      StringBuilder sb = new StringBuilder(String.format("rows read %,d = loaded %,d + quarantined %,d; %d files unchanged%n",
          r.rowsRead(), r.rowsLoaded(), r.rowsQuarantined(), r.skipped()));
      // a file that cannot be read is recorded and reported; the other files' rows go on
      r.failed().forEach(f -> sb.append("FAILED ").append(f.file()).append(": ").append(f.message()).append('\n'));
      return sb.toString();
    });
    // the link stage also conforms the silver tables the later stages read
    RUNNERS.put("link", (w, s) -> {
      LinkCommand.Outcome linked = LinkCommand.run(w, s.truthDir(), null, s.relinkAll(), s.runId());
      ConformCommand.run(w, s.runId());
      return linked.render();
    });
    RUNNERS.put("clusters", (w, s) -> {
      ClustersJob.Options o = new ClustersJob.Options(List.of(), null, null,
          s.truthDir() == null ? null : Path.of(s.truthDir()));
      return ClustersCommand.run(w, o, s.runId()).renderTop(10);
    });
    RUNNERS.put("outcomes", (w, s) -> {
      OutcomesJob.Settings full = OutcomesJob.Settings.defaults();
      OutcomesJob.Settings settings = !s.quick() ? full
          : new OutcomesJob.Settings(199, full.seed(), full.minFirms(), full.outcomes(), List.of(), 2);
      return OutcomesCommand.run(w, settings, s.truthDir(), s.runId()).renderNaiveVsCounterfactual();
    });
    RUNNERS.put("quality", (w, s) -> QualityCommand.run(w, s.runId()).failed().isEmpty()
        ? "all expectations hold\n" : "");
    RUNNERS.put("publish", (w, s) -> "serving snapshot: " + PublishCommand.run(w, s.runId()) + "\n");
    RUNNERS.put("report", (w, s) -> "report: " + ReportCommand.write(w, s.runId()) + "\n");
  }

  private Pipeline() {}

  /** Every stage name, in order. */
  public static List<String> stageNames() {
    return StageGraph.PIPELINE.stages().stream().map(StageGraph.Stage::name).toList();
  }

  /** The step before the pipeline in the demo and the bench: writing the synthetic raw files. */
  public static final String GENERATE = "generate";

  /** The stages after a first {@link #GENERATE}: what the demo and the bench number in their progress. */
  public static List<String> withGenerate(List<String> stages) {
    List<String> all = new ArrayList<>(List.of(GENERATE));
    all.addAll(stages);
    return all;
  }

  /**
   * The stages to run: all, those from {@code from} on, or only those listed.
   *
   * @throws UserError for an unknown stage name
   */
  public static List<String> select(String from, List<String> only) {
    List<String> all = stageNames();
    for (String s : only == null ? List.<String>of() : only) {
      if (!all.contains(s)) {
        throw new UserError("unknown stage '" + s + "' (stages: " + String.join(", ", all) + ")");
      }
    }
    if (only != null && !only.isEmpty()) {
      return all.stream().filter(only::contains).toList();
    }
    if (from != null) {
      if (!all.contains(from)) {
        throw new UserError("unknown stage '" + from + "' (stages: " + String.join(", ", all) + ")");
      }
      return all.subList(all.indexOf(from), all.size());
    }
    return all;
  }

  /**
   * Runs {@code stages} in order with progress on {@code out}; returns each stage's summary. Neighbouring
   * stages that do not depend on each other (clusters and outcomes both read only what link wrote) run
   * at the same time: each is a long chain of small Spark jobs that leaves cores idle between jobs, so
   * together they take little longer than the longer one alone. When a stage fails, the stages running
   * beside it still finish and commit; the first failure in stage order is reported.
   */
  public static Map<String, String> run(Warehouse warehouse, Settings settings, List<String> stages,
      Progress progress, PrintStream out) {
    if (!RUNNERS.keySet().containsAll(stages)) {
      throw new IllegalStateException("stage graph and runners disagree: " + stages + " vs " + RUNNERS.keySet());
    }
    Map<String, String> summaries = new LinkedHashMap<>();
    for (List<String> wave : waves(stages)) {
      Map<String, Supplier<String>> work = new LinkedHashMap<>();
      for (String stage : wave) {
        work.put(stage, () -> progress.stage(stage, () -> runStage(stage, warehouse, settings)));
      }
      // a stage's summary prints when the whole wave is done, in stage order
      Concurrent.all(work, wave.size(), "atlas-stage").forEach((stage, summary) -> {
        summaries.put(stage, summary);
        out.print(indent(summary));
        out.flush();
      });
    }
    return summaries;
  }

  /**
   * {@code stages} cut into waves: each wave is a run of neighbouring stages none of which needs
   * another of the same wave, directly or through a stage left out of the run ({@code --only outcomes,report}
   * runs outcomes before report), so a wave may run concurrently and the waves in order.
   */
  static List<List<String>> waves(List<String> stages) {
    List<List<String>> waves = new ArrayList<>();
    List<String> wave = new ArrayList<>();
    for (String stage : stages) {
      Set<String> needs = StageGraph.PIPELINE.upstream(stage);
      if (wave.stream().anyMatch(needs::contains)) {
        waves.add(wave);
        wave = new ArrayList<>();
      }
      wave.add(stage);
    }
    if (!wave.isEmpty()) {
      waves.add(wave);
    }
    return waves;
  }

  private static String runStage(String stage, Warehouse warehouse, Settings settings) {
    try {
      return RUNNERS.get(stage).run(warehouse, settings);
    } catch (UserError e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StageFailure(stage, e);
    }
  }


  private static String indent(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (!line.isEmpty()) {
        sb.append("      ").append(line).append('\n');
      }
    }
    return sb.toString();
  }
}

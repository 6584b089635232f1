package org.clusteratlas.jobs.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.clusteratlas.jobs.UserError;
import org.clusteratlas.jobs.pipeline.StageGraph;
import org.clusteratlas.orchestration.airflow.AirflowApiException;
import org.clusteratlas.orchestration.airflow.AirflowClient;
import org.clusteratlas.orchestration.airflow.ApiVersion;
import org.clusteratlas.orchestration.airflow.AssetEvent;
import org.clusteratlas.orchestration.airflow.DagRun;
import org.clusteratlas.orchestration.airflow.TaskInstance;
import org.clusteratlas.orchestration.airflow.WaitTimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code atlas airflow trigger|status|emit}: drive the Cluster Atlas DAG through Airflow's REST API.
 * Exit status: 0 done (the run succeeded, when waiting), 1 the run failed, 2 a user or API error
 * (credentials, unknown DAG, existing run id), 3 still running when the timeout came.
 */
@Command(name = "airflow", mixinStandardHelpOptions = true, description = "Trigger or watch the pipeline's DAG on Airflow, or post a dataset/asset event.",
    subcommands = {AirflowCommand.Trigger.class, AirflowCommand.Status.class, AirflowCommand.Emit.class})
public final class AirflowCommand implements Runnable {
  static final int RUN_FAILED = 1;
  static final int TIMED_OUT = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: trigger, status or emit");
  }

  /** Options of the commands that follow one DAG run. */
  static final class Waiting {
    @Option(names = "--wait", description = "Wait until the run succeeds or fails.")
    boolean wait;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "6h", converter = AirflowOptions.DurationConverter.class,
        description = "How long --wait waits (90s, 30m, 6h, 1d; default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--poll", paramLabel = "DURATION", defaultValue = "15s", converter = AirflowOptions.DurationConverter.class,
        description = "How often --wait asks (default ${DEFAULT-VALUE}).")
    Duration poll;
  }

  @Command(name = "trigger", mixinStandardHelpOptions = true, description = "Trigger a DAG run, optionally with conf, and optionally wait for it.")
  static final class Trigger implements Callable<Integer> {
    @Mixin
    AirflowOptions airflow;

    @Mixin
    Waiting waiting;

    @Option(names = "--dag", paramLabel = "ID", description = "DAG id (default: ${DEFAULT-VALUE}).")
    String dag = StageGraph.PIPELINE_NAME;

    @Option(names = "--conf", paramLabel = "JSON", description = "Run conf, a JSON object, e.g. '{\"run_date\": \"2026-01-01\"}'.")
    String conf;

    @Option(names = "--dag-run-id", paramLabel = "ID", description = "Run id (default: chosen by Airflow).")
    String dagRunId;

    @Option(names = "--logical-date", paramLabel = "DATE",
        description = "Logical date, YYYY-MM-DD (UTC midnight) or an ISO timestamp (default: none on Airflow 3, now on Airflow 2).")
    String logicalDate;

    @Override
    public Integer call() {
      AirflowClient client = airflow.client();
      DagRun run = api(() -> client.trigger(dag, dagRunId, json(conf, "--conf"), instant(logicalDate)));
      System.out.printf("triggered %s run %s (%s)%n", run.dagId(), run.dagRunId(), run.state());
      return waiting.wait ? follow(client, run.dagId(), run.dagRunId(), waiting, System.out) : 0;
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true, description = "Show a DAG run's state and its task instances; optionally wait for it.")
  static final class Status implements Callable<Integer> {
    @Mixin
    AirflowOptions airflow;

    @Mixin
    Waiting waiting;

    @Option(names = "--dag", paramLabel = "ID", description = "DAG id (default: ${DEFAULT-VALUE}).")
    String dag = StageGraph.PIPELINE_NAME;

    @Option(names = "--dag-run-id", required = true, paramLabel = "ID", description = "Run id.")
    String dagRunId;

    @Override
    public Integer call() {
      AirflowClient client = airflow.client();
      if (waiting.wait) {
        return follow(client, dag, dagRunId, waiting, System.out);
      }
      DagRun run = api(() -> client.dagRun(dag, dagRunId));
      report(client, run, System.out);
      return run.finished() && !run.succeeded() ? RUN_FAILED : 0;
    }
  }

  @Command(name = "emit", mixinStandardHelpOptions = true, description = {"Record an update of a dataset (Airflow 2) or asset (Airflow 3), so DAGs scheduled on it run.",
      "The pipeline's assets are <warehouse URI>/<path> for each asset output of 'atlas stages'."})
  static final class Emit implements Callable<Integer> {
    @Mixin
    AirflowOptions airflow;

    @Option(names = "--uri", required = true, paramLabel = "URI", description = "Dataset/asset URI, e.g. s3a://lake/atlas/gold/cluster_scores.")
    String uri;

    @Option(names = "--extra", paramLabel = "JSON", description = "A JSON object stored with the event.")
    String extra;

    @Override
    public Integer call() {
      AirflowClient client = airflow.client();
      AssetEvent e = api(() -> client.emit(uri, json(extra, "--extra")));
      System.out.printf("recorded an event for %s (%s %d); %d run(s) created%n", e.uri(),
          client.api() == ApiVersion.V1 ? "dataset" : "asset", e.assetId(),
          e.createdDagRunIds().size());
      return 0;
    }
  }

  static int follow(AirflowClient client, String dag, String runId, Waiting w, PrintStream out) {
    DagRun run;
    try {
      run = api(() -> client.waitFor(dag, runId, w.timeout, w.poll));
    } catch (WaitTimeoutException e) {
      report(client, e.lastSeen(), out);
      System.err.println("atlas: " + e.getMessage());
      return TIMED_OUT;
    }
    report(client, run, out);
    return run.succeeded() ? 0 : RUN_FAILED;
  }

  private static void report(AirflowClient client, DagRun run, PrintStream out) {
    out.printf("%s run %s: %s%n", run.dagId(), run.dagRunId(), run.state());
    List<TaskInstance> tasks = api(() -> client.taskInstances(run.dagId(), run.dagRunId()));
    for (TaskInstance t : tasks) {
      out.printf("  %-12s %-16s try %d%n", t.taskId(), t.state() == null ? "(no state)" : t.state(), t.tryNumber());
    }
  }

  /** Client-side API errors are the user's to fix: one line, exit 2. Server errors stay failures. */
  private static <T> T api(Supplier<T> call) {
    try {
      return call.get();
    } catch (AirflowApiException e) {
      if (e.problem() == AirflowApiException.Problem.SERVER) {
        throw e;
      }
      throw new UserError(e.getMessage());
    }
  }

  private static JsonNode json(String text, String option) {
    if (text == null) {
      return null;
    }
    try {
      JsonNode n = JSON.readTree(text);
      if (n == null || !n.isObject()) {
        throw new UserError(option + " must be a JSON object, e.g. '{\"key\": \"value\"}'");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw new UserError(option + " is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
          : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new UserError("--logical-date must be YYYY-MM-DD or an ISO timestamp with offset, got '" + text + "'");
    }
  }
}

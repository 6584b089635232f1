package org.clusteratlas.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.clusteratlas.jobs.Main;
import org.clusteratlas.orchestration.airflow.ApiVersion;
import org.clusteratlas.orchestration.airflow.CapturedLog;
import org.clusteratlas.orchestration.airflow.FakeAirflow;
import org.clusteratlas.orchestration.airflow.SteppingClock;
import org.clusteratlas.orchestration.airflow.WaitClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code atlas airflow ...} end to end against the in-process fake Airflow (v1 and v2). */
class AirflowCommandTest {
  private static final String USER = "atlas-bot";
  private static final String PASSWORD = "n0t-in-any-log!";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  private final Map<String, String> env = new HashMap<>();
  private final List<String> everything = new ArrayList<>(); // all output, for the leak check
  private FakeAirflow airflow;
  private Function<String, String> savedEnv;
  private WaitClock savedClock;

  private record Outcome(int status, String out, String err) {}

  @BeforeEach
  void substitute() {
    savedEnv = AirflowOptions.environment;
    savedClock = AirflowOptions.clock;
    AirflowOptions.environment = env::get;
    AirflowOptions.clock = new SteppingClock();
  }

  @AfterEach
  void restore() {
    AirflowOptions.environment = savedEnv;
    AirflowOptions.clock = savedClock;
    if (airflow != null) {
      airflow.close();
    }
    assertThat(everything).noneSatisfy(t -> assertThat(t).contains(PASSWORD));
  }

  private Outcome run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try (CapturedLog log = CapturedLog.capture()) {
      int status = Main.execute(args);
      Outcome o = new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
      everything.add(o.out());
      everything.add(o.err());
      everything.add(log.text());
      return o;
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  private String[] args(String... rest) {
    List<String> a = new ArrayList<>(List.of("airflow"));
    a.add(rest[0]);
    a.addAll(List.of("--url", airflow.url().toString()));
    a.addAll(List.of(rest).subList(1, rest.length));
    return a.toArray(String[]::new);
  }

  private static void assertUserError(Outcome o, String contains) {
    assertThat(o.status()).as(o.err()).isEqualTo(2);
    assertThat(o.err().lines().filter(l -> l.startsWith("atlas:"))).singleElement()
        .satisfies(l -> assertThat(l).contains(contains));
    assertThat(o.err()).doesNotContain("\tat ");
  }

  @Test
  void triggerOnAirflow3WaitsAndListsTheTasks() throws Exception {
    airflow = FakeAirflow.start(ApiVersion.V2, USER, PASSWORD).dag("cluster_atlas")
        .runStates("queued", "running", "success").task("ingest", "success").task("link", "success");
    env.put("AIRFLOW_PASSWORD", PASSWORD);

    Outcome o = run(args("trigger", "--api", "v2", "--user", USER, "--conf", "{\"run_date\": \"2026-06-30\"}",
        "--wait", "--poll", "30s", "--timeout", "10m"));

    assertThat(o.status()).as(o.err()).isZero();
    assertThat(o.out().lines()).containsExactly(
        "triggered cluster_atlas run manual__2026-11-23T05:00:00.000000+00:00 (queued)",
        "cluster_atlas run manual__2026-11-23T05:00:00.000000+00:00: success",
        "  ingest       success          try 1",
        "  link         success          try 1");
    FakeAirflow.Request trigger = airflow.requests("POST", "/api/v2/dags/cluster_atlas/dagRuns").get(0);
    assertThat(trigger.header("Authorization")).isEqualTo("Bearer " + airflow.issuedToken());
    assertThat(trigger.json()).isEqualTo(JSON.readTree("{\"logical_date\": null, \"conf\": {\"run_date\": \"2026-06-30\"}}"));
  }

  @Test
  void triggerOnAirflow2ReadsThePasswordFile() throws Exception {
    airflow = FakeAirflow.start(ApiVersion.V1, USER, PASSWORD).dag("cluster_atlas");
    Path file = Files.writeString(tmp.resolve("airflow.pw"), PASSWORD + "\n");

    Outcome o = run(args("trigger", "--api", "v1", "--user", USER, "--password-file", file.toString(),
        "--dag-run-id", "atlas__2026-06", "--logical-date", "2026-06-30"));

    assertThat(o.status()).as(o.err()).isZero();
    assertThat(o.out()).isEqualTo("triggered cluster_atlas run atlas__2026-06 (queued)\n");
    FakeAirflow.Request r = airflow.requests().get(0);
    assertThat(r.method() + " " + r.path()).isEqualTo("POST /api/v1/dags/cluster_atlas/dagRuns");
    assertThat(r.header("Authorization")).startsWith("Basic ");
    assertThat(r.json()).isEqualTo(JSON.readTree(
        "{\"dag_run_id\": \"atlas__2026-06\", \"logical_date\": \"2026-06-30T00:00:00Z\", \"conf\": {}}"));
  }

  @Test
  void aTokenFromTheEnvironmentIsSentAsIs() {
    airflow = FakeAirflow.start(ApiVersion.V2, USER, PASSWORD).dag("cluster_atlas").existingRun("cluster_atlas", "r1", "running");
    env.put("AIRFLOW_PASSWORD", PASSWORD);
    run(args("status", "--user", USER, "--dag-run-id", "r1")); // gets the fake to issue a token
    env.clear();
    env.put("AF_TOKEN", airflow.issuedToken());
    int before = airflow.requests().size();

    Outcome o = run(args("status", "--token-env", "AF_TOKEN", "--dag-run-id", "r1"));

    assertThat(o.status()).as(o.err()).isZero();
    assertThat(o.out()).startsWith("cluster_atlas run r1: running");
    assertThat(airflow.requests().subList(before, airflow.requests().size()))
        .allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + airflow.issuedToken()))
        .noneSatisfy(r -> assertThat(r.path()).isEqualTo("/auth/token"));
  }

  @Test
  void statusExitCodesFollowTheRun() {
    airflow = FakeAirflow.start(ApiVersion.V1, USER, PASSWORD).dag("cluster_atlas")
        .existingRun("cluster_atlas", "failing", "running", "failed")
        .existingRun("cluster_atlas", "slow", "running");
    env.put("AIRFLOW_PASSWORD", PASSWORD);

    Outcome failed = run(args("status", "--api", "v1", "--user", USER, "--dag-run-id", "failing", "--wait"));
    assertThat(failed.status()).isEqualTo(AirflowCommand.RUN_FAILED);
    assertThat(failed.out()).startsWith("cluster_atlas run failing: failed");

    Outcome slow = run(args("status", "--api", "v1", "--user", USER, "--dag-run-id", "slow", "--wait",
        "--timeout", "1m", "--poll", "30s"));
    assertThat(slow.status()).isEqualTo(AirflowCommand.TIMED_OUT);
    assertThat(slow.err().lines()).containsExactly("atlas: cluster_atlas run slow is still running after 1m");
  }

  @Test
  void emitPostsAnAssetOrDatasetEvent() throws Exception {
    airflow = FakeAirflow.start(ApiVersion.V2, USER, PASSWORD).asset(42, "s3a://lake/atlas/gold/cluster_scores");
    env.put("AIRFLOW_PASSWORD", PASSWORD);
    Outcome o = run(args("emit", "--user", USER, "--uri", "s3a://lake/atlas/gold/cluster_scores",
        "--extra", "{\"run_id\": \"r1\"}"));
    assertThat(o.status()).as(o.err()).isZero();
    assertThat(o.out()).isEqualTo("recorded an event for s3a://lake/atlas/gold/cluster_scores (asset 42); 0 run(s) created\n");
    assertThat(airflow.requests("POST", "/api/v2/assets/events").get(0).json())
        .isEqualTo(JSON.readTree("{\"asset_id\": 42, \"extra\": {\"run_id\": \"r1\"}}"));
    airflow.close();

    airflow = FakeAirflow.start(ApiVersion.V1, USER, PASSWORD).asset(7, "s3a://lake/atlas/gold/cluster_scores");
    o = run(args("emit", "--api", "v1", "--user", USER, "--uri", "s3a://lake/atlas/gold/cluster_scores"));
    assertThat(o.out()).isEqualTo("recorded an event for s3a://lake/atlas/gold/cluster_scores (dataset 7); 0 run(s) created\n");
    assertThat(airflow.requests("POST", "/api/v1/datasets/events").get(0).json())
        .isEqualTo(JSON.readTree("{\"dataset_uri\": \"s3a://lake/atlas/gold/cluster_scores\"}"));
  }

  @Test
  void mistakesAreOneLineUserErrors() {
    airflow = FakeAirflow.start(ApiVersion.V2, USER, PASSWORD).dag("cluster_atlas").existingRun("cluster_atlas", "r1");

    assertUserError(run(args("trigger", "--user", USER)), "environment variable AIRFLOW_PASSWORD is not set");
    env.put("AIRFLOW_PASSWORD", "wrong-" + PASSWORD.substring(3));
    assertUserError(run(args("trigger", "--user", USER)), "POST /auth/token: 401 Unauthorized");
    env.put("AIRFLOW_PASSWORD", PASSWORD);
    assertUserError(run(args("trigger", "--user", USER, "--dag", "nope")), "404 Not Found: DAG with dag_id: 'nope' not found");
    assertUserError(run(args("trigger", "--user", USER, "--dag-run-id", "r1")), "409 Conflict");
    assertUserError(run(args("trigger", "--user", USER, "--conf", "[1, 2]")), "--conf must be a JSON object");
    assertUserError(run(args("trigger", "--user", USER, "--conf", "{run_date:")), "--conf is not valid JSON");
    assertUserError(run(args("trigger", "--api", "v1", "--user", USER)), "Airflow 3 /api/v2");
    assertUserError(run(args("status", "--user", USER, "--dag-run-id", "r1", "--wait", "--timeout", "soon")),
        "a duration looks like 90s");
    // secrets are never taken from the command line
    assertUserError(run(args("trigger", "--user", USER, "--password", PASSWORD.substring(0, 3))), "Unknown option");
    Outcome inUrl = run("airflow", "trigger", "--url", "http://" + USER + ":hunter2@127.0.0.1:1");
    assertUserError(inUrl, "must not contain credentials");
    assertThat(inUrl.err()).doesNotContain("hunter2");
  }
}

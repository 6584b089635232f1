package org.clusteratlas.orchestration.airflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.clusteratlas.orchestration.airflow.AirflowApiException.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client against {@link FakeAirflow}: methods, paths, auth headers and exact JSON bodies as the
 * v1 and v2 specifications define them; the expected values are written out by hand here.
 */
class AirflowClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DAG = "cluster_atlas";
  private static final String USER = "atlas-bot";
  private static final String PASSWORD = "pa:ss wörd!";

  private FakeAirflow airflow;
  private final SteppingClock clock = new SteppingClock();

  @AfterEach
  void stop() {
    if (airflow != null) {
      airflow.close();
    }
  }

  private AirflowClient client(ApiVersion api, Credentials credentials) {
    return new AirflowClient(airflow.url(), api, credentials, HttpClient.newHttpClient(), clock);
  }

  private AirflowClient v1() {
    airflow = FakeAirflow.start(ApiVersion.V1, USER, PASSWORD).dag(DAG);
    return client(ApiVersion.V1, new Credentials.Basic(USER, Secret.of(PASSWORD)));
  }

  private AirflowClient v2() {
    airflow = FakeAirflow.start(ApiVersion.V2, USER, PASSWORD).dag(DAG);
    return client(ApiVersion.V2, new Credentials.Login(USER, Secret.of(PASSWORD)));
  }

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void v1TriggerPostsTheRunWithBasicAuth() throws Exception {
    DagRun run = v1().trigger(DAG, "atlas__2026", json("{\"year\": 2025}"), null);

    assertThat(run).isEqualTo(new DagRun(DAG, "atlas__2026", "queued", null));
    FakeAirflow.Request r = airflow.requests().get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.rawPath()).isEqualTo("/api/v1/dags/cluster_atlas/dagRuns");
    // base64("atlas-bot:pa:ss wörd!") with the password's UTF-8 bytes, computed independently
    assertThat(r.header("Authorization")).isEqualTo("Basic YXRsYXMtYm90OnBhOnNzIHfDtnJkIQ==");
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    // v1: every field optional; logical_date left out so Airflow 2 uses "now"
    assertThat(r.json()).isEqualTo(json("{\"dag_run_id\": \"atlas__2026\", \"conf\": {\"year\": 2025}}"));
  }

  @Test
  void v1TriggerSendsALogicalDateWhenGiven() throws Exception {
    v1().trigger(DAG, null, null, Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(airflow.requests().get(0).json())
        .isEqualTo(json("{\"logical_date\": \"2026-01-01T00:00:00Z\", \"conf\": {}}"));
  }

  @Test
  void v2GetsAJwtOnceAndSendsItAsBearer() throws Exception {
    AirflowClient client = v2();
    DagRun run = client.trigger(DAG, null, null, null);
    client.dagRun(DAG, run.dagRunId());
    client.dagRun(DAG, run.dagRunId());

    List<FakeAirflow.Request> rs = airflow.requests();
    assertThat(rs).extracting(FakeAirflow.Request::method).containsExactly("POST", "POST", "GET", "GET");
    FakeAirflow.Request token = rs.get(0);
    assertThat(token.rawPath()).isEqualTo("/auth/token");
    assertThat(token.header("Authorization")).isNull();
    assertThat(token.header("Content-Type")).isEqualTo("application/json");
    assertThat(token.json()).isEqualTo(json("{\"username\": \"atlas-bot\", \"password\": \"pa:ss wörd!\"}"));

    FakeAirflow.Request trigger = rs.get(1);
    assertThat(trigger.rawPath()).isEqualTo("/api/v2/dags/cluster_atlas/dagRuns");
    assertThat(trigger.header("Authorization")).isEqualTo("Bearer " + airflow.issuedToken());
    // v2: logical_date is required and may be null
    assertThat(trigger.json()).isEqualTo(json("{\"logical_date\": null, \"conf\": {}}"));
    assertThat(rs.get(3).header("Authorization")).isEqualTo("Bearer " + airflow.issuedToken());
    assertThat(airflow.tokensIssued()).isEqualTo(1);
  }

  @Test
  void v2FetchesAFreshTokenOnceWhenTheOldOneExpired() {
    AirflowClient client = v2();
    DagRun run = client.trigger(DAG, "r1", null, null);
    airflow.expireToken();

    assertThat(client.dagRun(DAG, run.dagRunId()).state()).isEqualTo("queued");
    assertThat(airflow.tokensIssued()).isEqualTo(2);
    assertThat(airflow.requests()).extracting(r -> r.method() + " " + r.path()).containsExactly(
        "POST /auth/token", "POST /api/v2/dags/cluster_atlas/dagRuns",
        "GET /api/v2/dags/cluster_atlas/dagRuns/r1", "POST /auth/token", "GET /api/v2/dags/cluster_atlas/dagRuns/r1");
  }

  @Test
  void v2WithAGivenTokenNeverCallsAuthToken() {
    airflow = FakeAirflow.start(ApiVersion.V2, USER, PASSWORD).dag(DAG);
    // obtain a valid token the way an operator would, then hand it over
    client(ApiVersion.V2, new Credentials.Login(USER, Secret.of(PASSWORD))).trigger(DAG, "r0", null, null);
    AirflowClient client = client(ApiVersion.V2, new Credentials.Token(Secret.of(airflow.issuedToken())));
    int before = airflow.requests().size();

    client.dagRun(DAG, "r0");
    assertThat(airflow.requests().subList(before, airflow.requests().size()))
        .extracting(FakeAirflow.Request::path).containsExactly("/api/v2/dags/cluster_atlas/dagRuns/r0");
  }

  @Test
  void runIdsArePercentEncodedInThePath() {
    AirflowClient client = v1();
    String runId = "manual__2026-01-01T00:00:00+00:00";
    client.trigger(DAG, runId, null, null);
    client.dagRun(DAG, runId);

    FakeAirflow.Request get = airflow.requests().get(1);
    assertThat(get.rawPath()).isEqualTo("/api/v1/dags/cluster_atlas/dagRuns/manual__2026-01-01T00%3A00%3A00%2B00%3A00");
    assertThat(get.path()).isEqualTo("/api/v1/dags/cluster_atlas/dagRuns/" + runId);
  }

  @Test
  void waitPollsUntilTheRunFinishes() {
    AirflowClient client = v2();
    airflow.runStates("queued", "running", "running", "success");
    client.trigger(DAG, "r1", null, null);

    DagRun done = client.waitFor(DAG, "r1", Duration.ofMinutes(10), Duration.ofSeconds(30));

    assertThat(done.state()).isEqualTo("success");
    assertThat(airflow.requests("GET", "/api/v2/dags/cluster_atlas/dagRuns/r1")).hasSize(4);
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30));
  }

  @Test
  void waitReportsAFailedRunAsFinished() {
    AirflowClient client = v1();
    airflow.runStates("running", "failed");
    client.trigger(DAG, "r1", null, null);
    assertThat(client.waitFor(DAG, "r1", Duration.ofMinutes(10), Duration.ofSeconds(5)).succeeded()).isFalse();
  }

  @Test
  void waitGivesUpAtTheTimeout() {
    AirflowClient client = v1();
    airflow.runStates("running");
    client.trigger(DAG, "r1", null, null);

    // polls at 0, 30, 60, 90 and 120 s; at 120 s the deadline has come
    assertThatThrownBy(() -> client.waitFor(DAG, "r1", Duration.ofMinutes(2), Duration.ofSeconds(30)))
        .isInstanceOf(WaitTimeoutException.class)
        .hasMessage("cluster_atlas run r1 is still running after 2m")
        .satisfies(e -> assertThat(((WaitTimeoutException) e).lastSeen().state()).isEqualTo("running"));
    assertThat(airflow.requests("GET", "/api/v1/dags/cluster_atlas/dagRuns/r1")).hasSize(5);
  }

  @Test
  void waitNeverSleepsPastTheDeadline() {
    AirflowClient client = v1();
    airflow.runStates("running");
    client.trigger(DAG, "r1", null, null);
    assertThatThrownBy(() -> client.waitFor(DAG, "r1", Duration.ofSeconds(70), Duration.ofSeconds(30)))
        .isInstanceOf(WaitTimeoutException.class);
    assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(10));
  }

  @Test
  void taskInstancesAreReadPageByPage() {
    AirflowClient client = v2();
    for (int i = 0; i < 130; i++) {
      airflow.task(String.format("t%03d", i), i % 2 == 0 ? "success" : "running");
    }
    client.trigger(DAG, "r1", null, null);

    List<TaskInstance> tis = client.taskInstances(DAG, "r1");

    assertThat(tis).hasSize(130);
    assertThat(tis.get(0)).isEqualTo(new TaskInstance("t000", "success", 1, "2026-11-23T05:00:01Z", null));
    assertThat(tis.get(129).taskId()).isEqualTo("t129");
    assertThat(airflow.requests("GET", "/api/v2/dags/cluster_atlas/dagRuns/r1/taskInstances"))
        .extracting(FakeAirflow.Request::query).containsExactly("limit=100&offset=0", "limit=100&offset=100");
  }

  @Test
  void v1EmitPostsADatasetEventByUri() throws Exception {
    AirflowClient client = v1();
    airflow.asset(3, "s3a://lake/atlas/gold/cluster_metrics");

    AssetEvent e = client.emit("s3a://lake/atlas/gold/cluster_metrics", json("{\"run_id\": \"r1\"}"));

    assertThat(e).isEqualTo(new AssetEvent(3, "s3a://lake/atlas/gold/cluster_metrics", List.of()));
    FakeAirflow.Request r = airflow.requests().get(0);
    assertThat(r.method() + " " + r.rawPath()).isEqualTo("POST /api/v1/datasets/events");
    assertThat(r.json()).isEqualTo(json("{\"dataset_uri\": \"s3a://lake/atlas/gold/cluster_metrics\", \"extra\": {\"run_id\": \"r1\"}}"));
  }

  @Test
  void v2EmitLooksUpTheExactAssetIdThenPostsTheEvent() throws Exception {
    AirflowClient client = v2();
    // the uri_pattern filter matches substrings: both come back, only the exact one is meant
    airflow.asset(41, "s3a://lake/atlas/gold/cluster_metrics_v0").asset(42, "s3a://lake/atlas/gold/cluster_metrics");

    AssetEvent e = client.emit("s3a://lake/atlas/gold/cluster_metrics", null);

    assertThat(e.assetId()).isEqualTo(42);
    List<FakeAirflow.Request> rs = airflow.requests();
    assertThat(rs.get(1).method() + " " + rs.get(1).path()).isEqualTo("GET /api/v2/assets");
    assertThat(rs.get(1).query()).isEqualTo("uri_pattern=s3a%3A%2F%2Flake%2Fatlas%2Fgold%2Fcluster_metrics&limit=100");
    assertThat(rs.get(2).method() + " " + rs.get(2).path()).isEqualTo("POST /api/v2/assets/events");
    assertThat(rs.get(2).header("Authorization")).isEqualTo("Bearer " + airflow.issuedToken());
    assertThat(rs.get(2).json()).isEqualTo(json("{\"asset_id\": 42}"));
  }

  @Test
  void v2EmitForAnUnknownAssetIsNotFound() {
    AirflowClient client = v2();
    airflow.asset(41, "s3a://lake/atlas/gold/cluster_metrics_v0");
    assertThatThrownBy(() -> client.emit("s3a://lake/atlas/gold/cluster_metrics", null))
        .isInstanceOfSatisfying(AirflowApiException.class, e -> assertThat(e.problem()).isEqualTo(Problem.NOT_FOUND))
        .hasMessageContaining("no asset with URI s3a://lake/atlas/gold/cluster_metrics");
    assertThat(airflow.requests("POST", "/api/v2/assets/events")).isEmpty();
  }

  @Test
  void errorsAreTypedAndOneLine() {
    AirflowClient client = v1();
    airflow.forbiddenDag("reports_only");
    client.trigger(DAG, "r1", null, null);

    assertProblem(() -> client.trigger("reports_only", null, null, null), Problem.FORBIDDEN, 403,
        "POST /api/v1/dags/reports_only/dagRuns: 403 Forbidden");
    assertProblem(() -> client.trigger(DAG, "r1", null, null), Problem.CONFLICT, 409,
        "POST /api/v1/dags/cluster_atlas/dagRuns: 409 Conflict: DAGRun with dag_id: 'cluster_atlas' and run_id: 'r1' already exists");
    assertProblem(() -> client.trigger("nope", null, null, null), Problem.NOT_FOUND, 404,
        "POST /api/v1/dags/nope/dagRuns: 404 Not Found: DAG with dag_id: 'nope' not found");
    assertProblem(() -> client.dagRun(DAG, "r9"), Problem.NOT_FOUND, 404, "404 Not Found");
    AirflowClient wrong = client(ApiVersion.V1, new Credentials.Basic(USER, Secret.of("guess")));
    assertProblem(() -> wrong.dagRun(DAG, "r1"), Problem.UNAUTHORIZED, 401, "401 Unauthorized");
  }

  @Test
  void v2RejectsWrongCredentialsAtTheTokenEndpoint() {
    airflow = FakeAirflow.start(ApiVersion.V2, USER, PASSWORD).dag(DAG);
    AirflowClient client = client(ApiVersion.V2, new Credentials.Login(USER, Secret.of("guess")));
    assertProblem(() -> client.dagRun(DAG, "r1"), Problem.UNAUTHORIZED, 401, "POST /auth/token: 401 Unauthorized: Invalid credentials");
  }

  @Test
  void theWrongApiVersionSaysSo() {
    airflow = FakeAirflow.start(ApiVersion.V2, USER, PASSWORD).dag(DAG);
    AirflowClient client = client(ApiVersion.V1, new Credentials.Basic(USER, Secret.of(PASSWORD)));
    assertProblem(() -> client.trigger(DAG, null, null, null), Problem.NOT_FOUND, 404, "Airflow 3 /api/v2");
  }

  @Test
  void anUnreachableAirflowIsOneLine() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort(); // free once closed: nothing listens there
    }
    AirflowClient client = new AirflowClient(URI.create("http://127.0.0.1:" + port), ApiVersion.V1,
        new Credentials.Basic(USER, Secret.of(PASSWORD)), HttpClient.newHttpClient(), clock);
    assertProblem(() -> client.dagRun(DAG, "r1"), Problem.UNREACHABLE, 0, "cannot reach Airflow at http://127.0.0.1:" + port);
  }

  @Test
  void baseUrlsAreCheckedAndNormalised() {
    assertThat(AirflowClient.baseUrl("https://airflow.example.org/prefix/")).hasToString("https://airflow.example.org/prefix");
    assertThat(AirflowClient.baseUrl("http://127.0.0.1:8080")).hasToString("http://127.0.0.1:8080");
    assertThatThrownBy(() -> AirflowClient.baseUrl("https://bot:hunter2@airflow.example.org"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> AirflowClient.baseUrl("airflow.example.org")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AirflowClient(URI.create("http://x"), ApiVersion.V1, new Credentials.Login("u", Secret.of("p"))))
        .hasMessageContaining("no /auth/token");
  }

  private static void assertProblem(Runnable call, Problem problem, int status, String message) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(AirflowApiException.class, e -> {
      assertThat(e.problem()).isEqualTo(problem);
      assertThat(e.status()).isEqualTo(status);
      assertThat(e.getMessage()).contains(message).doesNotContain("\n").doesNotContain(PASSWORD);
    });
  }
}

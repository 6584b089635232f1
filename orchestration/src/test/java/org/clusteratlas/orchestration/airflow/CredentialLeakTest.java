package org.clusteratlas.orchestration.airflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Credentials never reach a log line, an exception message or a {@code toString}: a full session per
 * API version (success and failure paths) runs with every logger at ALL, and all of that text is
 * searched for the password, the basic-auth string and the JWT.
 */
class CredentialLeakTest {
  private static final String USER = "atlas-bot";
  private static final String PASSWORD = "Tr0ub4dor&3-secret";
  private static final String DAG = "cluster_atlas";

  @Test
  void v1SessionLeaksNothing() {
    try (FakeAirflow airflow = FakeAirflow.start(ApiVersion.V1, USER, PASSWORD).dag(DAG).runStates("running", "success")
             .asset(1, "file:///w/gold/x");
         CapturedLog log = CapturedLog.capture()) {
      Credentials creds = new Credentials.Basic(USER, Secret.of(PASSWORD));
      List<String> seen = session(new AirflowClient(airflow.url(), ApiVersion.V1, creds, HttpClient.newHttpClient(), new SteppingClock()));
      seen.add(creds.toString());
      seen.add(log.text());
      assertThat(log.lines()).anySatisfy(l -> assertThat(l).contains("POST /api/v1/dags/cluster_atlas/dagRuns -> 200"));
      assertNoSecret(seen, PASSWORD, basic(USER, PASSWORD));
    }
  }

  @Test
  void v2SessionLeaksNothing() {
    try (FakeAirflow airflow = FakeAirflow.start(ApiVersion.V2, USER, PASSWORD).dag(DAG).runStates("running", "success")
             .asset(1, "file:///w/gold/x");
         CapturedLog log = CapturedLog.capture()) {
      Credentials creds = new Credentials.Login(USER, Secret.of(PASSWORD));
      List<String> seen = session(new AirflowClient(airflow.url(), ApiVersion.V2, creds, HttpClient.newHttpClient(), new SteppingClock()));
      seen.add(creds.toString());
      seen.add(new Credentials.Token(Secret.of(airflow.issuedToken())).toString());
      seen.add(log.text());
      assertThat(log.lines()).anySatisfy(l -> assertThat(l).contains("POST /auth/token -> 201"));
      assertNoSecret(seen, PASSWORD, airflow.issuedToken());
    }
  }

  /** Runs every call, good and bad, and returns every message and toString it produced. */
  private static List<String> session(AirflowClient client) {
    List<String> seen = new ArrayList<>();
    seen.add(client.toString());
    DagRun run = client.trigger(DAG, "r1", null, null);
    seen.add(run.toString());
    seen.add(client.waitFor(DAG, "r1", Duration.ofSeconds(1), Duration.ofSeconds(1)).toString());
    seen.add(client.taskInstances(DAG, "r1").toString());
    seen.add(client.emit("file:///w/gold/x", null).toString());
    for (Runnable bad : List.<Runnable>of(
        () -> client.trigger(DAG, "r1", null, null),
        () -> client.dagRun("nope", "r1"),
        () -> client.emit("file:///nowhere", null),
        () -> client.waitFor(DAG, "r1", Duration.ZERO, Duration.ofSeconds(1)))) {
      try {
        bad.run();
      } catch (AirflowException e) {
        seen.add(e.getMessage());
        seen.add(e.toString());
      }
    }
    return seen;
  }

  private static void assertNoSecret(List<String> texts, String... secrets) {
    assertThat(texts).hasSizeGreaterThan(8);
    for (String secret : secrets) {
      assertThat(texts).noneSatisfy(t -> assertThat(t).contains(secret));
    }
  }

  private static String basic(String user, String password) {
    return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}

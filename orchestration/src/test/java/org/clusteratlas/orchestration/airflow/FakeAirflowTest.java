package org.clusteratlas.orchestration.airflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The fake server rejects what the real APIs reject, so the client tests could fail: raw requests that
 * break a spec rule get the documented error status.
 */
class FakeAirflowTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static int post(URI url, String path, String auth, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(url.resolve(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void v2RequiresTheLogicalDateKeyAndRejectsUnknownFields() throws Exception {
    try (FakeAirflow a = FakeAirflow.start(ApiVersion.V2, "u", "p").dag("d")) {
      assertThat(post(a.url(), "/auth/token", null, "{\"username\":\"u\",\"password\":\"p\"}")).isEqualTo(201);
      String bearer = "Bearer " + a.issuedToken();
      assertThat(post(a.url(), "/api/v2/dags/d/dagRuns", bearer, "{\"conf\":{}}")).isEqualTo(422);
      assertThat(post(a.url(), "/api/v2/dags/d/dagRuns", bearer, "{\"logical_date\":null,\"execution_date\":null}")).isEqualTo(422);
      assertThat(post(a.url(), "/api/v2/dags/d/dagRuns", bearer, "{\"logical_date\":null}")).isEqualTo(200);
      assertThat(post(a.url(), "/api/v2/dags/d/dagRuns", basic("u", "p"), "{\"logical_date\":null}")).isEqualTo(401);
      assertThat(post(a.url(), "/api/v1/dags/d/dagRuns", bearer, "{}")).isEqualTo(404);
      assertThat(post(a.url(), "/api/v2/assets/events", bearer, "{\"asset_uri\":\"s3://x\"}")).isEqualTo(422);
    }
  }

  @Test
  void v1NeedsBasicAuthAndKnownFields() throws Exception {
    try (FakeAirflow a = FakeAirflow.start(ApiVersion.V1, "u", "p").dag("d")) {
      assertThat(post(a.url(), "/api/v1/dags/d/dagRuns", null, "{}")).isEqualTo(401);
      assertThat(post(a.url(), "/api/v1/dags/d/dagRuns", basic("u", "x"), "{}")).isEqualTo(401);
      assertThat(post(a.url(), "/api/v1/dags/d/dagRuns", basic("u", "p"), "{\"config\":{}}")).isEqualTo(400);
      assertThat(post(a.url(), "/api/v1/dags/d/dagRuns", basic("u", "p"), "{}")).isEqualTo(200);
      assertThat(post(a.url(), "/auth/token", null, "{\"username\":\"u\",\"password\":\"p\"}")).isEqualTo(404);
      assertThat(post(a.url(), "/api/v1/datasets/events", basic("u", "p"), "{\"asset_id\":1}")).isEqualTo(400);
    }
  }
}

package org.clusteratlas.orchestration.airflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Calls Airflow's REST API (v1 for Airflow 2, v2 for Airflow 3) over {@link HttpClient}.
 *
 * <p>Logs say which call was made and what status came back, never headers or bodies, and every error
 * message has the secrets scrubbed out, so credentials do not leak into logs or terminals.
 */
public final class AirflowClient {
  private static final Logger LOG = LogManager.getLogger(AirflowClient.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  private static final int PAGE_SIZE = 100;
  private static final int MAX_DETAIL = 300;

  private final URI base;
  private final ApiVersion api;
  private final Credentials credentials;
  private final HttpClient http;
  private final WaitClock clock;
  private Secret jwt; // the token from /auth/token, fetched on first use

  public AirflowClient(URI base, ApiVersion api, Credentials credentials) {
    this(base, api, credentials,
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15)).build(), WaitClock.system());
  }

  public AirflowClient(URI base, ApiVersion api, Credentials credentials, HttpClient http, WaitClock clock) {
    this.base = baseUrl(base.toString());
    this.api = Objects.requireNonNull(api, "api");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.http = http;
    this.clock = clock;
    if (api == ApiVersion.V1 && credentials instanceof Credentials.Login) {
      throw new IllegalArgumentException("API v1 (Airflow 2) has no /auth/token; use basic auth there");
    }
  }

  /**
   * Checks and normalises the Airflow base URL (scheme, host, optional port and path prefix).
   *
   * @throws IllegalArgumentException for anything else, in particular credentials inside the URL
   */
  public static URI baseUrl(String text) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("the Airflow URL is not a valid URL: " + e.getReason());
    }
    if (uri.getRawUserInfo() != null) {
      // never echo the URL: it holds the credentials
      throw new IllegalArgumentException(
          "the Airflow URL must not contain credentials; pass them through environment variables or a file");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new IllegalArgumentException("the Airflow URL must look like http(s)://host[:port][/prefix], got '" + text + "'");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("the Airflow URL must not have a query or fragment, got '" + text + "'");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
    return URI.create(scheme + "://" + uri.getRawAuthority() + path);
  }

  public ApiVersion api() {
    return api;
  }

  /**
   * Triggers a run of {@code dagId}.
   *
   * @param dagRunId the run id to use, or null to let Airflow choose one
   * @param conf the run's conf (a JSON object), or null for {@code {}}
   * @param logicalDate the run's logical date, or null (Airflow 2: now; Airflow 3: a run without one)
   */
  public DagRun trigger(String dagId, String dagRunId, JsonNode conf, Instant logicalDate) {
    if (conf != null && !conf.isObject()) {
      throw new IllegalArgumentException("the run conf must be a JSON object, got " + conf.getNodeType().toString().toLowerCase(Locale.ROOT));
    }
    JsonNode r = call("POST", api.prefix() + "/dags/" + segment(dagId) + "/dagRuns",
        api.triggerBody(dagRunId, conf, logicalDate));
    DagRun run = dagRun(r);
    LOG.info("triggered {} run {} ({})", run.dagId(), run.dagRunId(), run.state());
    return run;
  }

  public DagRun dagRun(String dagId, String dagRunId) {
    return dagRun(call("GET", runPath(dagId, dagRunId), null));
  }

  /** Every task instance of the run, in the order Airflow lists them (all pages). */
  public List<TaskInstance> taskInstances(String dagId, String dagRunId) {
    List<TaskInstance> all = new ArrayList<>();
    long total;
    do {
      JsonNode page = call("GET",
          runPath(dagId, dagRunId) + "/taskInstances?limit=" + PAGE_SIZE + "&offset=" + all.size(), null);
      JsonNode items = page.path("task_instances");
      total = page.path("total_entries").asLong(0);
      if (items.isEmpty()) {
        break;
      }
      for (JsonNode t : items) {
        all.add(new TaskInstance(t.path("task_id").asText(), text(t, "state"), t.path("try_number").asInt(0),
            text(t, "start_date"), text(t, "end_date")));
      }
    } while (all.size() < total);
    return all;
  }

  /**
   * Polls the run every {@code poll} until it succeeds or fails.
   *
   * @throws WaitTimeoutException when it is still queued or running after {@code timeout}
   */
  public DagRun waitFor(String dagId, String dagRunId, Duration timeout, Duration poll) {
    if (poll.isNegative() || poll.isZero()) {
      throw new IllegalArgumentException("the poll interval must be positive");
    }
    Instant deadline = clock.now().plus(timeout);
    DagRun run = dagRun(dagId, dagRunId);
    String reported = run.state();
    while (!run.finished()) {
      Instant now = clock.now();
      if (!now.isBefore(deadline)) {
        throw new WaitTimeoutException(String.format("%s run %s is still %s after %s", dagId, dagRunId,
            run.state(), describe(timeout)), run);
      }
      Duration left = Duration.between(now, deadline);
      try {
        clock.sleep(left.compareTo(poll) < 0 ? left : poll);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AirflowException("interrupted while waiting for " + dagId + " run " + dagRunId);
      }
      run = dagRun(dagId, dagRunId);
      if (!Objects.equals(run.state(), reported)) {
        LOG.info("{} run {}: {}", dagId, dagRunId, run.state());
        reported = run.state();
      }
    }
    return run;
  }

  /**
   * Records an update of the dataset (v1) or asset (v2) with this URI, as if a producing task had
   * succeeded, so DAGs scheduled on it run. API v2 creates events by numeric asset id, so the id is
   * looked up first (the {@code uri_pattern} filter matches substrings, hence the exact comparison).
   *
   * @param extra a JSON object stored with the event, or null
   */
  public AssetEvent emit(String uri, JsonNode extra) {
    if (extra != null && !extra.isObject()) {
      throw new IllegalArgumentException("the event extra must be a JSON object");
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    JsonNode r;
    if (api == ApiVersion.V1) {
      body.put("dataset_uri", uri);
      if (extra != null) {
        body.set("extra", extra);
      }
      r = call("POST", api.prefix() + "/datasets/events", body);
    } else {
      body.put("asset_id", assetId(uri));
      if (extra != null) {
        body.set("extra", extra);
      }
      r = call("POST", api.prefix() + "/assets/events", body);
    }
    List<String> created = new ArrayList<>();
    r.path("created_dagruns").forEach(d -> created.add(d.path("run_id").asText()));
    long id = r.path(api == ApiVersion.V1 ? "dataset_id" : "asset_id").asLong();
    String recorded = r.path(api == ApiVersion.V1 ? "dataset_uri" : "uri").asText(uri);
    LOG.info("recorded an event for {} ({} runs created)", recorded, created.size());
    return new AssetEvent(id, recorded, created);
  }

  private long assetId(String uri) {
    JsonNode r = call("GET", api.prefix() + "/assets?uri_pattern=" + segment(uri) + "&limit=" + PAGE_SIZE, null);
    for (JsonNode a : r.path("assets")) {
      if (uri.equals(a.path("uri").asText())) {
        return a.path("id").asLong();
      }
    }
    throw new AirflowApiException(AirflowApiException.Problem.NOT_FOUND, 404,
        "Airflow has no asset with URI " + uri + " (an asset exists once a DAG that declares it has been parsed)");
  }

  private String runPath(String dagId, String dagRunId) {
    return api.prefix() + "/dags/" + segment(dagId) + "/dagRuns/" + segment(dagRunId);
  }

  private static DagRun dagRun(JsonNode r) {
    return new DagRun(r.path("dag_id").asText(), r.path("dag_run_id").asText(), text(r, "state"), text(r, "logical_date"));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  // ---- HTTP ----

  private JsonNode call(String method, String pathAndQuery, JsonNode body) {
    HttpResponse<String> response = send(method, pathAndQuery, body, authorization());
    if (response.statusCode() == 401 && credentials instanceof Credentials.Login && jwt != null) {
      LOG.debug("token rejected, fetching a new one"); // JWTs expire; one fresh try
      jwt = null;
      response = send(method, pathAndQuery, body, authorization());
    }
    return parse(method, pathAndQuery, response);
  }

  private String authorization() {
    if (credentials instanceof Credentials.Basic b) {
      return "Basic " + Base64.getEncoder().encodeToString(
          (b.user() + ":" + b.password().reveal()).getBytes(StandardCharsets.UTF_8));
    } else if (credentials instanceof Credentials.Token t) {
      return "Bearer " + t.token().reveal();
    } else if (credentials instanceof Credentials.Login l) {
      if (jwt == null) {
        jwt = fetchToken(l);
      }
      return "Bearer " + jwt.reveal();
    }
    return null;
  }

  private Secret fetchToken(Credentials.Login login) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("username", login.user());
    body.put("password", login.password().reveal());
    JsonNode r = parse("POST", "/auth/token", send("POST", "/auth/token", body, null));
    String token = r.path("access_token").asText("");
    if (token.isBlank()) {
      throw new AirflowApiException(AirflowApiException.Problem.SERVER, 0, "POST /auth/token returned no access_token");
    }
    return Secret.of(token);
  }

  private HttpResponse<String> send(String method, String pathAndQuery, JsonNode body, String authorization) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
        .timeout(REQUEST_TIMEOUT)
        .header("Accept", "application/json");
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    if (body != null) {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      LOG.debug("{} {} -> {}", method, pathOnly(pathAndQuery), r.statusCode());
      return r;
    } catch (IOException e) {
      throw new AirflowApiException("cannot reach Airflow at " + base + ": "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : scrub(e.getMessage())), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AirflowException("interrupted during " + method + " " + pathOnly(pathAndQuery));
    }
  }

  private JsonNode parse(String method, String pathAndQuery, HttpResponse<String> r) {
    int status = r.statusCode();
    JsonNode json = readJson(r.body());
    if (status >= 200 && status < 300) {
      if (json == null) {
        throw new AirflowApiException(AirflowApiException.Problem.SERVER, status,
            method + " " + pathOnly(pathAndQuery) + " returned a body that is not JSON");
      }
      return json;
    }
    String detail = json == null ? "" : detail(json);
    String hint = "";
    if (status == 404 && (json == null || detail.equals("Not Found"))) {
      hint = " (no Airflow " + api + " API here? Airflow 2 serves /api/v1, Airflow 3 /api/v2)";
    } else if (status == 401) {
      hint = " (check the user name and the password or token variable)";
    }
    throw new AirflowApiException(AirflowApiException.of(status), status, String.format("%s %s: %d %s%s%s",
        method, pathOnly(pathAndQuery), status, reason(status), detail.isEmpty() ? "" : ": " + detail, hint));
  }

  private static JsonNode readJson(String body) {
    if (body == null || body.isBlank()) {
      return NullNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** v1 errors are RFC 7807 problems ({@code detail}, {@code title}); v2 has {@code detail} as text or a list. */
  private String detail(JsonNode json) {
    JsonNode d = json.path("detail");
    String text;
    if (d.isTextual()) {
      text = d.asText();
    } else if (d.isArray()) {
      List<String> parts = new ArrayList<>();
      d.forEach(e -> parts.add(e.has("msg") ? e.path("loc").toString() + " " + e.path("msg").asText() : e.toString()));
      text = String.join("; ", parts);
    } else if (!d.isMissingNode() && !d.isNull()) {
      text = d.toString();
    } else {
      text = json.path("title").asText("");
    }
    text = scrub(text.replaceAll("\\s+", " ").trim());
    return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "…" : text;
  }

  /** Removes any secret this client holds from text that comes from elsewhere (server or socket). */
  private String scrub(String text) {
    String out = text;
    List<Secret> secrets = new ArrayList<>();
    if (credentials instanceof Credentials.Basic b) {
      secrets.add(b.password());
      secrets.add(Secret.of(Base64.getEncoder().encodeToString(
          (b.user() + ":" + b.password().reveal()).getBytes(StandardCharsets.UTF_8))));
    } else if (credentials instanceof Credentials.Login l) {
      secrets.add(l.password());
    } else if (credentials instanceof Credentials.Token t) {
      secrets.add(t.token());
    }
    if (jwt != null) {
      secrets.add(jwt);
    }
    for (Secret s : secrets) {
      out = out.replace(s.reveal(), s.toString());
    }
    return out;
  }

  private static String pathOnly(String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 409 -> "Conflict";
      case 422 -> "Unprocessable Entity";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      default -> "HTTP error";
    };
  }

  private static String describe(Duration d) {
    return d.toString().substring(2).toLowerCase(Locale.ROOT);
  }

  /** Percent-encodes one path segment or query value: everything but RFC 3986 unreserved characters. */
  static String segment(String value) {
    StringBuilder sb = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "AirflowClient[" + base + ", api " + api + ", " + credentials + "]";
  }
}

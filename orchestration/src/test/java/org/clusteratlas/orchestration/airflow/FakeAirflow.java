package org.clusteratlas.orchestration.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process Airflow API server (127.0.0.1, ephemeral port) implementing the subset the client
 * uses, with the rules of the OpenAPI specifications (v1 @ Airflow 2.10, v2 @ 3.x) and of the
 * servers behind them, written out here independently of the client:
 *
 * <ul>
 *   <li>v1: HTTP basic auth on every call; trigger body fields {@code dag_run_id, logical_date,
 *       execution_date, conf, note}, all optional, unknown ones rejected with 400; dataset events by
 *       {@code dataset_uri}.
 *   <li>v2: {@code POST /auth/token} with {@code {"username","password"}} answers 201 and an
 *       {@code access_token}; every API call needs {@code Authorization: Bearer <it>}; the trigger body
 *       must contain {@code logical_date} (null allowed) and no unknown field (422); asset events by
 *       numeric {@code asset_id}, looked up through {@code GET /api/v2/assets?uri_pattern=}, which
 *       matches substrings like the server's {@code ILIKE %pattern%}.
 *   <li>Both: JSON bodies need {@code Content-Type: application/json}; 404 for an unknown DAG, run or
 *       asset; 409 for an existing run id; the other version's paths do not exist.
 * </ul>
 *
 * Every request is recorded for assertions. A triggered run reports the scripted states one GET at a
 * time and then stays in the last one.
 */
public final class FakeAirflow implements AutoCloseable {
  /** One request as the server received it; {@code path} is percent-decoded, {@code rawPath} is not. */
  public record Request(String method, String rawPath, String path, String query,
                        Map<String, List<String>> headers, String body) {
    public String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("request body is not JSON: " + body, e);
      }
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> V1_TRIGGER_FIELDS = Set.of("dag_run_id", "logical_date", "execution_date", "conf", "note");
  private static final Set<String> V2_TRIGGER_FIELDS = Set.of("dag_run_id", "logical_date", "data_interval_start",
      "data_interval_end", "run_after", "conf", "note");

  private final ApiVersion api;
  private final String user;
  private final String password;
  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Set<String> dags = new java.util.HashSet<>();
  private final Set<String> forbiddenDags = new java.util.HashSet<>();
  private final Map<String, Long> assets = new LinkedHashMap<>();
  private final Map<String, Iterator<String>> runStates = new LinkedHashMap<>();
  private final Map<String, ObjectNode> runs = new LinkedHashMap<>();
  private final List<String[]> tasks = new ArrayList<>();
  private List<String> scriptedStates = List.of("queued");
  private String token;
  private int tokensIssued;
  private long eventIds;

  private FakeAirflow(ApiVersion api, String user, String password) throws IOException {
    this.api = api;
    this.user = user;
    this.password = password;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public static FakeAirflow start(ApiVersion api, String user, String password) {
    try {
      return new FakeAirflow(api, user, password);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public FakeAirflow dag(String dagId) {
    dags.add(dagId);
    return this;
  }

  /** A DAG the user may see but not trigger (403), as with a read-only role. */
  public FakeAirflow forbiddenDag(String dagId) {
    dags.add(dagId);
    forbiddenDags.add(dagId);
    return this;
  }

  /** The states a newly triggered run reports, one per GET of the run. */
  public FakeAirflow runStates(String... states) {
    scriptedStates = List.of(states);
    return this;
  }

  public FakeAirflow asset(long id, String uri) {
    assets.put(uri, id);
    return this;
  }

  /** Task instances every run reports: {@code task_id} and state pairs. */
  public FakeAirflow task(String taskId, String state) {
    tasks.add(new String[] {taskId, state});
    return this;
  }

  /** Adds an existing run (for 409s and status queries). */
  public synchronized FakeAirflow existingRun(String dagId, String runId, String... states) {
    ObjectNode run = runJson(dagId, runId, null);
    runs.put(dagId + "/" + runId, run);
    runStates.put(dagId + "/" + runId, script(states.length == 0 ? scriptedStates : List.of(states)));
    return this;
  }

  /** The JWT the v2 server issued last (null before the first {@code /auth/token}). */
  public synchronized String issuedToken() {
    return token;
  }

  public synchronized int tokensIssued() {
    return tokensIssued;
  }

  /** Makes the current JWT invalid, as expiry would. */
  public synchronized void expireToken() {
    token = "expired-" + token;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public List<Request> requests(String method, String pathPrefix) {
    return requests.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  // ---- dispatch ----

  private synchronized void handle(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    URI uri = ex.getRequestURI();
    Request req = new Request(ex.getRequestMethod(), uri.getRawPath(), uri.getPath(), uri.getRawQuery(),
        Map.copyOf(ex.getRequestHeaders()), body);
    requests.add(req);
    try {
      route(ex, req);
    } catch (RuntimeException e) {
      send(ex, 500, error(500, "fake server error: " + e));
    }
  }

  private void route(HttpExchange ex, Request req) throws IOException {
    String path = req.path();
    if (api == ApiVersion.V2 && path.equals("/auth/token")) {
      token(ex, req);
      return;
    }
    if (!path.startsWith(api.prefix() + "/")) {
      notFound(ex);
      return;
    }
    if (!authorised(req)) {
      send(ex, 401, error(401, api == ApiVersion.V1 ? "Unauthorized" : "Not authenticated"));
      return;
    }
    String[] p = path.substring(api.prefix().length() + 1).split("/", -1);
    String m = req.method();
    if (p.length == 3 && p[0].equals("dags") && p[2].equals("dagRuns") && m.equals("POST")) {
      trigger(ex, req, p[1]);
    } else if (p.length == 4 && p[0].equals("dags") && p[2].equals("dagRuns") && m.equals("GET")) {
      getRun(ex, p[1], p[3]);
    } else if (p.length == 5 && p[0].equals("dags") && p[2].equals("dagRuns") && p[4].equals("taskInstances")
        && m.equals("GET")) {
      taskInstances(ex, req, p[1], p[3]);
    } else if (api == ApiVersion.V1 && path.equals("/api/v1/datasets/events") && m.equals("POST")) {
      datasetEvent(ex, req);
    } else if (api == ApiVersion.V2 && path.equals("/api/v2/assets") && m.equals("GET")) {
      assetList(ex, req);
    } else if (api == ApiVersion.V2 && path.equals("/api/v2/assets/events") && m.equals("POST")) {
      assetEvent(ex, req);
    } else {
      notFound(ex);
    }
  }

  private boolean authorised(Request req) {
    String auth = req.header("Authorization");
    if (auth == null) {
      return false;
    }
    if (api == ApiVersion.V1) {
      return auth.equals("Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return token != null && auth.equals("Bearer " + token);
  }

  private void token(HttpExchange ex, Request req) throws IOException {
    if (!req.method().equals("POST")) {
      send(ex, 405, error(405, "Method Not Allowed"));
      return;
    }
    ObjectNode body = jsonBody(ex, req);
    if (body == null) {
      return;
    }
    if (!Set.of("username", "password").equals(fieldNames(body))) {
      send(ex, 422, validation("body", "expected exactly username and password"));
      return;
    }
    if (!user.equals(body.path("username").asText()) || !password.equals(body.path("password").asText())) {
      send(ex, 401, error(401, "Invalid credentials"));
      return;
    }
    tokensIssued++;
    token = "eyJhbGciOiJIUzUxMiJ9.fake-jwt-" + tokensIssued + ".c2lnbmF0dXJl";
    send(ex, 201, JsonNodeFactory.instance.objectNode().put("access_token", token));
  }

  private void trigger(HttpExchange ex, Request req, String dagId) throws IOException {
    if (!dags.contains(dagId)) {
      send(ex, 404, error(404, "DAG with dag_id: '" + dagId + "' not found"));
      return;
    }
    if (forbiddenDags.contains(dagId)) {
      send(ex, 403, error(403, "Forbidden"));
      return;
    }
    ObjectNode body = jsonBody(ex, req);
    if (body == null) {
      return;
    }
    Set<String> allowed = api == ApiVersion.V1 ? V1_TRIGGER_FIELDS : V2_TRIGGER_FIELDS;
    for (String f : fieldNames(body)) {
      if (!allowed.contains(f)) {
        send(ex, api == ApiVersion.V1 ? 400 : 422, api == ApiVersion.V1
            ? error(400, "{'" + f + "': ['Unknown field.']}") : validation(f, "Extra inputs are not permitted"));
        return;
      }
    }
    if (api == ApiVersion.V2 && !body.has("logical_date")) {
      send(ex, 422, validation("logical_date", "Field required"));
      return;
    }
    if (body.has("conf") && !body.get("conf").isObject() && !body.get("conf").isNull()) {
      send(ex, api == ApiVersion.V1 ? 400 : 422, error(400, "conf must be a dictionary"));
      return;
    }
    String logical = body.hasNonNull("logical_date") ? body.get("logical_date").asText() : null;
    String runId = body.hasNonNull("dag_run_id") ? body.get("dag_run_id").asText()
        : "manual__" + (logical != null ? logical : "2026-11-23T05:00:00.000000+00:00");
    String key = dagId + "/" + runId;
    if (runs.containsKey(key)) {
      send(ex, 409, error(409, "DAGRun with dag_id: '" + dagId + "' and run_id: '" + runId + "' already exists"));
      return;
    }
    ObjectNode run = runJson(dagId, runId, logical);
    run.set("conf", body.has("conf") && body.get("conf").isObject() ? body.get("conf") : JsonNodeFactory.instance.objectNode());
    runs.put(key, run);
    runStates.put(key, script(scriptedStates));
    send(ex, 200, run);
  }

  private void getRun(HttpExchange ex, String dagId, String runId) throws IOException {
    ObjectNode run = runs.get(dagId + "/" + runId);
    if (run == null) {
      send(ex, 404, error(404, "The DagRun with dag_id: `" + dagId + "` and run_id: `" + runId + "` was not found"));
      return;
    }
    Iterator<String> states = runStates.get(dagId + "/" + runId);
    if (states.hasNext()) {
      run.put("state", states.next());
    }
    send(ex, 200, run);
  }

  private void taskInstances(HttpExchange ex, Request req, String dagId, String runId) throws IOException {
    if (!runs.containsKey(dagId + "/" + runId)) {
      send(ex, 404, error(404, "DagRun not found"));
      return;
    }
    Map<String, String> q = query(req.query());
    int limit = Integer.parseInt(q.getOrDefault("limit", "50"));
    int offset = Integer.parseInt(q.getOrDefault("offset", "0"));
    ArrayNode items = JsonNodeFactory.instance.arrayNode();
    for (int i = offset; i < Math.min(tasks.size(), offset + limit); i++) {
      ObjectNode t = items.addObject();
      t.put("task_id", tasks.get(i)[0]).put("dag_id", dagId).put("dag_run_id", runId);
      t.put("state", tasks.get(i)[1]).put("try_number", 1).put("start_date", "2026-11-23T05:00:01Z").putNull("end_date");
    }
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    r.set("task_instances", items);
    r.put("total_entries", tasks.size());
    send(ex, 200, r);
  }

  private void datasetEvent(HttpExchange ex, Request req) throws IOException {
    ObjectNode body = jsonBody(ex, req);
    if (body == null) {
      return;
    }
    for (String f : fieldNames(body)) {
      if (!Set.of("dataset_uri", "extra").contains(f)) {
        send(ex, 400, error(400, "{'" + f + "': ['Unknown field.']}"));
        return;
      }
    }
    if (!body.hasNonNull("dataset_uri")) {
      send(ex, 400, error(400, "{'dataset_uri': ['Missing data for required field.']}"));
      return;
    }
    String uri = body.get("dataset_uri").asText();
    Long id = assets.get(uri);
    if (id == null) {
      send(ex, 404, error(404, "Dataset with uri: `" + uri + "` was not found"));
      return;
    }
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    r.put("id", ++eventIds).put("dataset_id", id).put("dataset_uri", uri);
    r.set("extra", body.has("extra") ? body.get("extra") : JsonNodeFactory.instance.objectNode());
    r.putArray("created_dagruns");
    r.put("timestamp", "2026-11-23T05:00:00+00:00");
    send(ex, 200, r);
  }

  private void assetList(HttpExchange ex, Request req) throws IOException {
    String pattern = query(req.query()).getOrDefault("uri_pattern", "").toLowerCase(Locale.ROOT);
    ArrayNode items = JsonNodeFactory.instance.arrayNode();
    assets.forEach((uri, id) -> {
      if (uri.toLowerCase(Locale.ROOT).contains(pattern)) {
        items.addObject().put("id", id).put("name", uri).put("uri", uri).put("group", "asset");
      }
    });
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    r.set("assets", items);
    r.put("total_entries", items.size());
    send(ex, 200, r);
  }

  private void assetEvent(HttpExchange ex, Request req) throws IOException {
    ObjectNode body = jsonBody(ex, req);
    if (body == null) {
      return;
    }
    for (String f : fieldNames(body)) {
      if (!Set.of("asset_id", "extra", "partition_key").contains(f)) {
        send(ex, 422, validation(f, "Extra inputs are not permitted"));
        return;
      }
    }
    if (!body.has("asset_id") || !body.get("asset_id").isIntegralNumber()) {
      send(ex, 422, validation("asset_id", "Input should be a valid integer"));
      return;
    }
    long id = body.get("asset_id").asLong();
    String uri = assets.entrySet().stream().filter(e -> e.getValue() == id).map(Map.Entry::getKey).findFirst().orElse(null);
    if (uri == null) {
      send(ex, 404, error(404, "Asset with ID: `" + id + "` was not found"));
      return;
    }
    ObjectNode r = JsonNodeFactory.instance.objectNode();
    r.put("id", ++eventIds).put("asset_id", id).put("uri", uri).put("name", uri).put("group", "asset");
    r.set("extra", body.has("extra") ? body.get("extra") : JsonNodeFactory.instance.objectNode());
    r.putArray("created_dagruns");
    r.put("timestamp", "2026-11-23T05:00:00Z");
    send(ex, 200, r);
  }

  // ---- helpers ----

  private ObjectNode runJson(String dagId, String runId, String logical) {
    ObjectNode run = JsonNodeFactory.instance.objectNode();
    run.put("dag_id", dagId).put("dag_run_id", runId);
    if (logical == null) {
      run.putNull("logical_date");
    } else {
      run.put("logical_date", logical);
    }
    run.put("state", "queued");
    return run;
  }

  private static Iterator<String> script(List<String> states) {
    List<String> s = List.copyOf(states);
    return new Iterator<>() {
      int i;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public String next() {
        return s.get(Math.min(i++, s.size() - 1));
      }
    };
  }

  private ObjectNode jsonBody(HttpExchange ex, Request req) throws IOException {
    String type = req.header("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      send(ex, api == ApiVersion.V1 ? 415 : 422, error(415, "Content-Type must be application/json"));
      return null;
    }
    JsonNode n;
    try {
      n = JSON.readTree(req.body());
    } catch (IOException e) {
      n = null;
    }
    if (n == null || !n.isObject()) {
      send(ex, api == ApiVersion.V1 ? 400 : 422, error(400, "body must be a JSON object"));
      return null;
    }
    return (ObjectNode) n;
  }

  private static Set<String> fieldNames(JsonNode n) {
    Set<String> names = new java.util.TreeSet<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> q = new LinkedHashMap<>();
    if (rawQuery == null) {
      return q;
    }
    for (String kv : rawQuery.split("&")) {
      int eq = kv.indexOf('=');
      String k = eq < 0 ? kv : kv.substring(0, eq);
      String v = eq < 0 ? "" : kv.substring(eq + 1);
      q.put(k, java.net.URLDecoder.decode(v.replace("+", "%2B"), StandardCharsets.UTF_8));
    }
    return q;
  }

  /** v1 answers RFC 7807 problems; v2 (FastAPI) answers {@code {"detail": ...}}. */
  private ObjectNode error(int status, String detail) {
    ObjectNode e = JsonNodeFactory.instance.objectNode();
    e.put("detail", detail);
    if (api == ApiVersion.V1) {
      e.put("status", status).put("title", detail).put("type", "https://airflow.apache.org/docs/apache-airflow/2.10.0/stable-rest-api-ref.html#section/Errors");
    }
    return e;
  }

  private static ObjectNode validation(String field, String msg) {
    ObjectNode e = JsonNodeFactory.instance.objectNode();
    ObjectNode d = e.putArray("detail").addObject();
    d.put("type", "value_error");
    d.putArray("loc").add("body").add(field);
    d.put("msg", msg);
    return e;
  }

  private void notFound(HttpExchange ex) throws IOException {
    if (api == ApiVersion.V1) {
      // Airflow 2's webserver (Flask) answers unknown paths with an HTML page
      byte[] html = "<!DOCTYPE html><title>404 Not Found</title>".getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "text/html");
      ex.sendResponseHeaders(404, html.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(html);
      }
    } else {
      send(ex, 404, JsonNodeFactory.instance.objectNode().put("detail", "Not Found"));
    }
  }

  private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}

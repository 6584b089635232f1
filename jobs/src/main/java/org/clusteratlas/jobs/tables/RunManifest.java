package org.clusteratlas.jobs.tables;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.clusteratlas.datasets.schema.TableContract;
import org.clusteratlas.jobs.spark.AtlasSession;

/**
 * What one stage of one run read and wrote: inputs with their Delta versions, outputs with their new
 * versions and row counts, wall time per step and quality results. Written to
 * {@code <warehouse>/_runs/<run_id>/<stage>.json} so any published number can be traced to the exact
 * input versions and recomputed with time travel.
 */
public final class RunManifest {
  private final Warehouse warehouse;
  private final String runId;
  private final String stage;
  private final Instant started = Instant.now();
  // synchronized: a stage may run independent steps from several driver threads
  private final List<Map<String, Object>> inputs = Collections.synchronizedList(new ArrayList<>());
  private final List<Map<String, Object>> outputs = Collections.synchronizedList(new ArrayList<>());
  private final List<Map<String, Object>> steps = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Object> details = Collections.synchronizedMap(new LinkedHashMap<>());
  private String status = "running";
  private String outcome;

  public RunManifest(Warehouse warehouse, String runId, String stage) {
    this.warehouse = warehouse;
    this.runId = runId;
    this.stage = stage;
  }

  /**
   * Runs one stage under a manifest: the manifest is written whatever happens, with status
   * {@code succeeded} (or what the work set through {@link #outcome}), or {@code failed} and the error.
   */
  public static <T> T record(Warehouse warehouse, String runId, String stage, java.util.function.Function<RunManifest, T> work) {
    RunManifest m = new RunManifest(warehouse, runId, stage);
    try {
      T result = work.apply(m);
      m.finish(m.outcome == null ? "succeeded" : m.outcome);
      return result;
    } catch (RuntimeException e) {
      m.detail("error", String.valueOf(e.getMessage()));
      m.finish("failed");
      throw e;
    }
  }

  /** Overrides the final status {@link #record} writes on success (e.g. {@code partial}). */
  public void outcome(String status) {
    this.outcome = status;
  }

  public String runId() {
    return runId;
  }

  public void input(TableContract table) {
    inputs.add(Map.of("table", table.qualifiedName(), "version", warehouse.version(table)));
  }

  /** A non-table input, such as a raw folder. */
  public void input(String name, Object description) {
    inputs.add(Map.of("name", name, "detail", description));
  }

  public void output(TableContract table, long rows) {
    outputs.add(Map.of("table", table.qualifiedName(), "version", warehouse.version(table), "rows", rows));
  }

  public void detail(String key, Object value) {
    details.put(key, value);
  }

  /** Runs and times one step; the wall time goes into the manifest. */
  public <T> T step(String name, Supplier<T> work) {
    long t0 = System.nanoTime();
    try {
      return work.get();
    } finally {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("step", name);
      s.put("seconds", Math.round((System.nanoTime() - t0) / 1e6) / 1000.0);
      steps.add(s);
    }
  }

  public void step(String name, Runnable work) {
    step(name, () -> {
      work.run();
      return null;
    });
  }

  public List<Map<String, Object>> steps() {
    return List.copyOf(steps);
  }

  /** Writes the manifest with the given final status; returns its path. */
  public String finish(String finalStatus) {
    this.status = finalStatus;
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("run_id", runId);
    doc.put("run_date", AtlasSession.runDate(warehouse.spark()));
    doc.put("stage", stage);
    doc.put("status", status);
    doc.put("started_at", started.toString());
    doc.put("finished_at", Instant.now().toString());
    doc.put("inputs", inputs);
    doc.put("outputs", outputs);
    doc.put("steps", steps);
    doc.put("details", details);
    Path path = new Path(warehouse.root() + "/_runs/" + runId + "/" + stage + ".json");
    FileSystem fs = warehouse.fileSystem();
    try (OutputStream out = fs.create(path, true)) {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, doc);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write run manifest " + path, e);
    }
    return path.toString();
  }
}

package org.clusteratlas.jobs.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.clusteratlas.datasets.schema.Bronze;
import org.clusteratlas.datasets.schema.GoldClusters;
import org.clusteratlas.datasets.schema.GoldOutcomes;
import org.clusteratlas.datasets.schema.Link;
import org.clusteratlas.datasets.schema.Silver;
import org.clusteratlas.datasets.schema.TableContract;
import org.clusteratlas.jobs.publish.ServingSnapshot;

/**
 * The stages of one pipeline run, in an order where every stage comes after the stages it depends
 * on. Each stage is one {@code atlas <stage>} command and one Airflow task; its outputs marked
 * {@code asset} are the public ones (gold tables, the published snapshot) that Airflow records as
 * datasets/assets so dashboard DAGs can be scheduled on them.
 */
public final class StageGraph {
  /** Something a stage writes, at {@code <warehouse>/<path>}. */
  public record Output(String name, String path, boolean asset) {
    static Output table(TableContract t) {
      return new Output(t.qualifiedName(), t.relativePath(), false);
    }

    /** A public gold table: an Airflow asset. */
    static Output asset(TableContract t) {
      return new Output(t.qualifiedName(), t.relativePath(), true);
    }
  }

  public record Stage(String name, List<String> dependsOn, List<Output> outputs) {
    public Stage {
      dependsOn = List.copyOf(dependsOn);
      outputs = List.copyOf(outputs);
    }
  }

  public static final String PIPELINE_NAME = "cluster_atlas";
  public static final String MAIN_CLASS = "org.clusteratlas.jobs.Main";

  /** Cluster Atlas: ingest → link (incl. conform) → clusters ∥ outcomes → quality → publish → report. */
  public static final StageGraph PIPELINE = new StageGraph(List.of(
      new Stage("ingest", List.of(), tables(Bronze.ALL)),
      new Stage("link", List.of("ingest"), tables(Silver.ALL, Link.ALL)),
      new Stage("clusters", List.of("link"), GoldClusters.ALL.stream().map(Output::asset).toList()),
      new Stage("outcomes", List.of("link"), GoldOutcomes.ALL.stream().map(Output::asset).toList()),
      // quality gates the gold tables before anything is published; it writes no table of its own
      new Stage("quality", List.of("clusters", "outcomes"), List.of()),
      // the snapshot's stable address is its "latest" pointer, which moves once a run's files are complete
      new Stage("publish", List.of("quality"), List.of(
          new Output("serving.snapshot", ServingSnapshot.FOLDER + "/" + ServingSnapshot.LATEST, true))),
      // the HTML report is for people, not a dependency of other DAGs
      new Stage("report", List.of("publish"), List.of())));

  private final List<Stage> stages;

  /**
   * @throws IllegalArgumentException for duplicate stage names or outputs, or a dependency on a stage
   *     that is unknown or does not come earlier (which also rules out cycles)
   */
  public StageGraph(List<Stage> stages) {
    this.stages = List.copyOf(stages);
    Set<String> seen = new HashSet<>();
    Set<String> outputs = new HashSet<>();
    for (Stage s : this.stages) {
      for (String d : s.dependsOn()) {
        if (!seen.contains(d)) {
          throw new IllegalArgumentException("stage " + s.name() + " depends on " + d + ", which is not an earlier stage");
        }
      }
      if (!seen.add(s.name())) {
        throw new IllegalArgumentException("stage " + s.name() + " appears twice");
      }
      for (Output o : s.outputs()) {
        if (!outputs.add(o.name())) {
          throw new IllegalArgumentException(o.name() + " is written by more than one stage");
        }
      }
    }
  }

  public List<Stage> stages() {
    return stages;
  }

  public Optional<Stage> stage(String name) {
    return stages.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** Every stage {@code name} needs, directly or through other stages. */
  public Set<String> upstream(String name) {
    Set<String> found = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(stage(name).orElseThrow().dependsOn());
    while (!todo.isEmpty()) {
      String s = todo.pop();
      if (found.add(s)) {
        todo.addAll(stage(s).orElseThrow().dependsOn());
      }
    }
    return found;
  }

  /** The public outputs, in stage order. */
  public List<Output> assets() {
    return stages.stream().flatMap(s -> s.outputs().stream()).filter(Output::asset).toList();
  }

  /** The graph as JSON: what {@code atlas stages --json} prints and the Airflow DAG reads. */
  public String toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("pipeline", PIPELINE_NAME);
    root.put("main_class", MAIN_CLASS);
    ArrayNode list = root.putArray("stages");
    for (Stage s : stages) {
      ObjectNode n = list.addObject();
      n.put("name", s.name());
      ArrayNode deps = n.putArray("depends_on");
      s.dependsOn().forEach(deps::add);
      ArrayNode outs = n.putArray("outputs");
      for (Output o : s.outputs()) {
        outs.addObject().put("name", o.name()).put("path", o.path()).put("asset", o.asset());
      }
    }
    // two-space indent, "key": value, LF: the same text on every platform, easy to diff
    DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"))
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    try {
      return new ObjectMapper().writer(pretty).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @SafeVarargs
  private static List<Output> tables(List<TableContract>... contracts) {
    List<Output> out = new ArrayList<>();
    for (List<TableContract> list : contracts) {
      list.forEach(c -> out.add(Output.table(c)));
    }
    return out;
  }

  @Override
  public String toString() {
    return stages.stream().map(Stage::name).toList().toString();
  }
}

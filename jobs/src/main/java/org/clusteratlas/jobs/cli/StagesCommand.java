package org.clusteratlas.jobs.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.clusteratlas.jobs.pipeline.StageGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Prints the pipeline's stage graph; needs no Spark and no warehouse. */
@Command(name = "stages", mixinStandardHelpOptions = true, description = {
    "Print the pipeline's stages, their dependencies and outputs.",
    "--json prints the copy the Airflow DAG reads: atlas stages --json > orchestration/dags/stage_graph.json"})
public final class StagesCommand implements Callable<Integer> {
  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.print(StageGraph.PIPELINE.toJson());
    } else {
      for (StageGraph.Stage s : StageGraph.PIPELINE.stages()) {
        out.printf("%-9s after %-18s writes %s%n", s.name(),
            s.dependsOn().isEmpty() ? "-" : String.join(", ", s.dependsOn()),
            s.outputs().isEmpty() ? "-" : String.join(", ", s.outputs().stream()
                .map(o -> o.asset() ? o.name() + " (asset)" : o.name()).toList()));
      }
    }
    out.flush();
    return 0;
  }
}

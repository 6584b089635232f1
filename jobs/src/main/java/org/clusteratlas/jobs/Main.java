package org.clusteratlas.jobs;

import org.apache.spark.sql.SparkSession;
import org.clusteratlas.jobs.cli.AirflowCommand;
import org.clusteratlas.jobs.cli.BenchCommand;
import org.clusteratlas.jobs.cli.DemoCommand;
import org.clusteratlas.jobs.cli.DidCommand;
import org.clusteratlas.jobs.cli.GenerateCommand;
import org.clusteratlas.jobs.cli.InfoCommand;
import org.clusteratlas.jobs.cli.IngestCommand;
import org.clusteratlas.jobs.cli.OutcomesCommand;
import org.clusteratlas.jobs.cli.PublishCommand;
import org.clusteratlas.jobs.cli.QualityCommand;
import org.clusteratlas.jobs.cli.ReportCommand;
import org.clusteratlas.jobs.cli.StagesCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code atlas} command line: one subcommand per action. Embedded runs go through bin/atlas;
 * on a cluster, {@code spark-submit --class org.clusteratlas.jobs.Main <app jar> <command> ...}.
 */
@Command(name = "atlas", mixinStandardHelpOptions = true, version = "Cluster Atlas 0.1.0",
    description = "Regional innovation cluster analytics on Spark and Delta Lake.",
    subcommands = {
        DemoCommand.class,
        GenerateCommand.class,
        IngestCommand.class,
        InfoCommand.class,
        ReportCommand.class,
        QualityCommand.class,
        PublishCommand.class,
        BenchCommand.class,
        StagesCommand.class,
        OutcomesCommand.class,
        DidCommand.class,
        AirflowCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (try 'atlas --help')");
  }

  public static void main(String[] args) {
    int status = execute(args);
    // commands share the process's session (tests run several in one JVM); stop it once, here
    SparkSession.getDefaultSession().foreach(s -> {
      s.stop();
      return null;
    });
    System.exit(status);
  }

  /** Runs the CLI and returns the exit status: 0 ok, 1 failure, 2 user error. */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof UserError || e instanceof IllegalArgumentException) {
        commandLine.getErr().println("atlas: " + e.getMessage());
        return 2;
      }
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      commandLine.getErr().println("atlas: " + commandLine.getCommandName() + " failed: "
          + root.getClass().getSimpleName() + ": " + root.getMessage());
      if (System.getenv("ATLAS_DEBUG") != null) {
        e.printStackTrace(commandLine.getErr());
      } else {
        commandLine.getErr().println("atlas: set ATLAS_DEBUG=1 for the stack trace");
      }
      return 1;
    });
    cli.setParameterExceptionHandler((e, a) -> {
      e.getCommandLine().getErr().println("atlas: " + e.getMessage());
      return 2;
    });
    return cli.execute(args);
  }
}

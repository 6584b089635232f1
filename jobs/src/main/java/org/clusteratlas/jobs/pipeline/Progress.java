package org.clusteratlas.jobs.pipeline;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;

/** Stage-by-stage progress on stdout ({@code [2/3] ingest … 12.4 s}), free of Spark's log noise. */
public final class Progress {
  private final PrintStream out;
  private final List<String> stages;
  private final long started = System.nanoTime();

  /** @param stages the run's stages in order: a stage's number is its place there, whenever it starts */
  public Progress(PrintStream out, List<String> stages) {
    this.out = out;
    this.stages = List.copyOf(stages);
  }

  /**
   * Runs one stage of the list between its start and end lines; stages may run on several threads at
   * once, and each keeps its number (clusters is 4 of 8 whether or not outcomes started first).
   */
  public <T> T stage(String name, Supplier<T> work) {
    int number = stages.indexOf(name) + 1;
    if (number == 0) {
      throw new IllegalArgumentException("not a stage of this run: " + name + " (" + stages + ")");
    }
    int total = stages.size();
    synchronized (this) {
      out.printf("[%d/%d] %s …%n", number, total, name);
      out.flush();
    }
    long t0 = System.nanoTime();
    T result = work.get();
    synchronized (this) {
      out.printf("[%d/%d] %s done in %.1f s (elapsed %.1f s)%n", number, total, name,
          (System.nanoTime() - t0) / 1e9, (System.nanoTime() - started) / 1e9);
      out.flush();
    }
    return result;
  }
}

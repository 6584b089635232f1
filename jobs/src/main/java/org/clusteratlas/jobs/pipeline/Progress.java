package org.clusteratlas.jobs.pipeline;

import java.io.PrintStream;
import java.util.function.Supplier;

/** Stage-by-stage progress on stdout ({@code [2/3] ingest … 12.4 s}), free of Spark's log noise. */
public final class Progress {
  private final PrintStream out;
  private final int total;
  private final long started = System.nanoTime();
  private int current;

  public Progress(PrintStream out, int total) {
    this.out = out;
    this.total = total;
  }

  /** Runs one stage between its start and end lines; stages may run on several threads at once. */
  public <T> T stage(String name, Supplier<T> work) {
    int number;
    synchronized (this) {
      number = ++current;
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

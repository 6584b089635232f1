package org.clusteratlas.jobs.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs independent chains of Spark work from several driver threads. A chain of small Spark jobs
 * leaves the cores idle between its jobs (planning, code generation, Delta commits run on the driver);
 * two or three chains at once fill those gaps. Spark's scheduler is thread-safe and a SparkSession may
 * be shared, as long as the chains write different tables.
 */
public final class Concurrent {
  private Concurrent() {}

  /**
   * Runs every task, at most {@code threads} at a time, waits for all of them, and returns their results
   * in the order given. When tasks fail, the others still run to the end (what they commit stays
   * committed) and the first failure in the order given is rethrown.
   */
  public static <T> Map<String, T> all(Map<String, Supplier<T>> work, int threads, String threadName) {
    if (work.size() == 1) {
      Map.Entry<String, Supplier<T>> only = work.entrySet().iterator().next();
      Map<String, T> out = new LinkedHashMap<>();
      out.put(only.getKey(), only.getValue().get());
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, work.size())), r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
    try {
      Map<String, Future<T>> futures = new LinkedHashMap<>();
      work.forEach((name, task) -> futures.put(name, pool.submit(task::get)));
      Map<String, T> out = new LinkedHashMap<>();
      RuntimeException failure = null;
      for (Map.Entry<String, Future<T>> f : futures.entrySet()) {
        try {
          out.put(f.getKey(), f.getValue().get());
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (failure == null) {
            failure = cause instanceof RuntimeException re ? re
                : new IllegalStateException(f.getKey() + ": " + cause.getMessage(), cause);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while running " + f.getKey(), e);
        }
      }
      if (failure != null) {
        throw failure;
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}

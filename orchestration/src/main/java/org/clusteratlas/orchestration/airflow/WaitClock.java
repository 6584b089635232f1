package org.clusteratlas.orchestration.airflow;

import java.time.Duration;
import java.time.Instant;

/** Time as waiting for a DAG run sees it; tests pass one that advances instantly. */
public interface WaitClock {
  Instant now();

  void sleep(Duration d) throws InterruptedException;

  static WaitClock system() {
    return new WaitClock() {
      @Override
      public Instant now() {
        return Instant.now();
      }

      @Override
      public void sleep(Duration d) throws InterruptedException {
        Thread.sleep(d.toMillis());
      }
    };
  }
}

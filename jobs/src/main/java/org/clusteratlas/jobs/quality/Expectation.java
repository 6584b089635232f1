package org.clusteratlas.jobs.quality;

/**
 * One checked expectation on one table: what was expected, what was observed, and whether it held.
 *
 * @param table qualified table name
 * @param name short identifier ({@code keys_unique}, {@code not_null:cluster_id}, …)
 * @param passed whether the expectation held
 * @param observed what was measured (e.g. "3 duplicate keys", "0 nulls")
 */
public record Expectation(String table, String name, boolean passed, String observed) {
  @Override
  public String toString() {
    return (passed ? "ok   " : "FAIL ") + table + " " + name + ": " + observed;
  }
}

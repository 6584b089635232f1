package org.clusteratlas.jobs.did;

/**
 * One published number of the estimator. {@code aggregation} is {@code group_time} for the ATT(g,t) cells
 * and {@code simple | group | dynamic | calendar} for R {@code aggte}'s aggregations; {@code overall} marks
 * an aggregation's single summary row (cohort, year and event time then null). {@code se} is the analytic
 * influence-function standard error, {@code ciLow/ciHigh} the pointwise normal interval on it;
 * {@code seBoot} and {@code bandLow/bandHigh} come from the multiplier bootstrap (simultaneous sup-t band
 * over the buckets of one aggregation), null when no bootstrap ran.
 */
public record Estimate(String aggregation, boolean overall, Integer cohort, Integer year, Integer eventTime,
    Integer baseYear, double att, Double se, Double ciLow, Double ciHigh, Double seBoot, Double bandLow,
    Double bandHigh, long nTreated, long nControl, boolean reference) {

  public boolean post() {
    return eventTime != null && eventTime >= 0;
  }
}

/**
 * Callaway &amp; Sant'Anna (2021) difference-in-differences for staggered, absorbing treatments, written to
 * reproduce R {@code did::att_gt} and {@code did::aggte} without covariates (checked against the package's
 * published mpdta results): pre-processing rules, varying/universal base periods, never/not-yet-treated
 * comparison groups, influence functions with R's scaling, aggregation weights with {@code wif} terms,
 * analytic and cluster-robust standard errors, the Rademacher multiplier bootstrap with sup-t bands, and
 * the Wald pre-test. Distributed: the panel is reduced in Spark to per-cohort moments, and the bootstrap
 * runs over the units in Spark; nothing unit-level is collected.
 *
 * <p>Unbalanced panels: units missing a period or outcome are dropped (R's default) and the count is
 * reported; {@code --unbalanced error} refuses such a panel instead.
 */
package org.clusteratlas.jobs.did;

/**
 * The {@code outcomes} stage: firm outcomes over time and what R&amp;D grants and support programs did for
 * them.
 *
 * <p>Choices a reader of {@code gold.program_effects} should know:
 * <ul>
 *   <li><b>Treatments</b> are absorbing: a firm's grant cohort is its first year as lead or participant in
 *       any national R&amp;D project; by ministry or R&amp;D program, the treated are firms whose first grant
 *       came from it and the controls are never-granted firms; a roster's cohort is the first selection year.
 *   <li><b>naive_before_after</b> is the programs' own kind of figure — treated firms' change since the year
 *       before treatment, no comparison group. It is published beside the counterfactual estimates, never
 *       instead of them.
 *   <li><b>callaway_santanna</b> follows R {@code did} exactly (see {@code org.clusteratlas.jobs.did}); the
 *       panel is balanced by dropping firms missing any year of the window or outcome (R's default), so
 *       the estimate is for continuously observed firms; exits are not imputed.
 *   <li><b>matched_did</b> pairs each treated firm with the closest-growth not-yet-treated firm of its home
 *       region, KSIC division and size band; its standard error ignores the matching step.
 *   <li><b>Suppression</b>: any number resting on fewer treated firms than the threshold (default 10) is
 *       not written.
 * </ul>
 */
package org.clusteratlas.jobs.outcomes;

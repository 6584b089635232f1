/**
 * The link stage ({@code atlas link}): entity resolution of the bronze sources against the company
 * registry, Splink-style, in Java on Spark.
 *
 * <ul>
 *   <li>{@link org.clusteratlas.jobs.link.FirmName}, {@link org.clusteratlas.jobs.link.Jamo},
 *       {@link org.clusteratlas.jobs.link.OrgKind}: plain functions (Korean name keys, jamo, non-firm rules).</li>
 *   <li>{@link org.clusteratlas.jobs.link.FirmMaster}, {@link org.clusteratlas.jobs.link.SourceUnits},
 *       {@link org.clusteratlas.jobs.link.PairScoring}: pure transforms (hub, linkable units, blocking,
 *       comparison vectors, scoring with evidence).</li>
 *   <li>{@link org.clusteratlas.jobs.link.FellegiSunter}: the model and its EM on agreement-pattern counts.</li>
 *   <li>{@link org.clusteratlas.jobs.link.LinkJob}: reads, decides, writes; incremental by record key.</li>
 *   <li>{@link org.clusteratlas.jobs.link.LinkEvaluation}: precision / recall against the generator's truth.</li>
 * </ul>
 */
package org.clusteratlas.jobs.link;

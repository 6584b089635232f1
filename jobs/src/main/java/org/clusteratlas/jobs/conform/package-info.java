/**
 * Stage {@code conform}: bronze sources + the firm master and entity links of stage {@code link} → the
 * conformed silver tables that the cluster and outcome stages read.
 *
 * <ul>
 * <li>{@link org.clusteratlas.jobs.conform.EstablishmentYears} — silver.establishment_year, keyed by
 *     {@link org.clusteratlas.jobs.conform.WorkplaceKey};</li>
 * <li>{@link org.clusteratlas.jobs.conform.FirmYears} — silver.firm_year;</li>
 * <li>{@link org.clusteratlas.jobs.conform.RndParticipations} — silver.rnd_participation;</li>
 * <li>{@link org.clusteratlas.jobs.conform.Patents} — silver.patent and silver.patent_party, with party
 *     regions from {@link org.clusteratlas.jobs.region.AddressRegions};</li>
 * <li>{@link org.clusteratlas.jobs.conform.ProgramParticipations} — silver.program_participation.</li>
 * </ul>
 * The transforms are pure; {@link org.clusteratlas.jobs.conform.ConformJob} reads, checks keys, writes
 * (full overwrite) and records the run manifest.
 */
package org.clusteratlas.jobs.conform;

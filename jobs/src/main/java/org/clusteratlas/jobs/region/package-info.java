/**
 * Regions shared by the stages: {@link org.clusteratlas.jobs.region.AddressRegions} reads an address
 * written as text (KIPRIS applicants and inventors, roster 소재지) as a 시군구 code of the current vintage,
 * so the link stage compares it with the registry's codes and the conform stage places patent parties.
 */
package org.clusteratlas.jobs.region;

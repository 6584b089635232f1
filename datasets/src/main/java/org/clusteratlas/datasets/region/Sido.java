package org.clusteratlas.datasets.region;

import java.time.LocalDate;

/**
 * A 시도 (first-level region) code and the period it was in force.
 *
 * @param code      two digits, the first two of the 법정동코드
 * @param name      official Korean name, e.g. {@code 강원특별자치도}
 * @param validFrom first day in force; {@code null} = already in force before the catalog horizon
 *                  ({@link RegionCatalog#HORIZON})
 * @param validTo   first day no longer in force (exclusive); {@code null} = still in force
 */
public record Sido(String code, String name, LocalDate validFrom, LocalDate validTo) {

    public boolean inForceOn(LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || date.isBefore(validTo));
    }

    public boolean isCurrent() {
        return validTo == null;
    }
}

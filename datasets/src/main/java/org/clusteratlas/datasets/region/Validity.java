package org.clusteratlas.datasets.region;

import java.time.LocalDate;

/** One period in which a code was in force: {@code [from, until)}, either end open when null. */
record Validity(LocalDate from, LocalDate until) {

    boolean contains(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (until == null || date.isBefore(until));
    }
}

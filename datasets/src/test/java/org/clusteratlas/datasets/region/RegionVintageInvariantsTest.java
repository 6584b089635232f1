package org.clusteratlas.datasets.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.clusteratlas.datasets.region.RegionVintage.CrosswalkRow;
import org.clusteratlas.datasets.region.RegionVintage.Share;
import org.junit.jupiter.api.Test;

/** Properties that must hold for every code, date and vintage, and the crosswalk's agreement with map(). */
class RegionVintageInvariantsTest {

    private static final RegionCatalog CATALOG = RegionCatalog.load();
    private static final RegionVintage CURRENT = RegionVintage.current();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private final List<LocalDate> dates = sampleDates();
    private final List<RegionVintage> vintages = List.of(CURRENT, RegionVintage.asOf(d("2015-01-01")),
            RegionVintage.asOf(d("2020-01-01")), RegionVintage.asOf(d("2024-06-01")),
            RegionVintage.asOf(d("2026-03-01")));

    @Test
    void weightsSumToOneWithExactlyOnePrimaryAndLeafTargets() {
        for (RegionVintage vintage : vintages) {
            for (Sigungu s : CATALOG.allSigungu()) {
                for (LocalDate date : dates) {
                    List<Share> shares = vintage.map(s.code(), date);
                    String what = s.code() + " on " + date + " at " + vintage.vintage() + ": " + shares;
                    assertThat(shares).as(what).isNotEmpty();
                    assertThat(shares.stream().mapToDouble(Share::weight).sum()).as(what).isCloseTo(1.0, within(1e-9));
                    assertThat(shares.stream().filter(Share::primary)).as(what).hasSize(1);
                    assertThat(shares.get(0).primary()).as(what).isTrue();
                    for (Share share : shares) {
                        assertThat(CATALOG.isLeaf(share.code(), vintage.vintage())).as(what).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void splitRowsInTheFileShareOneAndHaveOnePrimary() {
        // the same invariant, checked on the raw change list through the mapping of each old code
        Map<String, List<RegionCatalog.CodeChange>> byOld = CATALOG.changes().stream()
                .collect(Collectors.groupingBy(c -> c.oldCode() + "@" + c.effective()));
        for (List<RegionCatalog.CodeChange> event : byOld.values()) {
            RegionCatalog.CodeChange first = event.get(0);
            RegionVintage onTheDay = RegionVintage.asOf(first.effective());
            List<Share> shares = onTheDay.map(first.oldCode(), first.effective().minusDays(1));
            assertThat(shares.stream().mapToDouble(Share::weight).sum()).isCloseTo(1.0, within(1e-9));
            assertThat(shares.stream().filter(Share::primary)).as(event.toString()).hasSize(1);
        }
    }

    @Test
    void leafOfTheCurrentLayoutRoundTripsThroughCodeInForce() {
        for (Sigungu s : CATALOG.leafSigungu()) {
            for (LocalDate date : dates) {
                String then = CATALOG.codeInForce(s.code(), date);
                List<Share> back = CURRENT.map(then, date);
                assertThat(back).as(s.code() + " on " + date + " carried " + then)
                        .extracting(Share::code).contains(s.code());
            }
        }
    }

    @Test
    void crosswalkAgreesWithMap() {
        for (RegionVintage vintage : vintages) {
            List<CrosswalkRow> rows = vintage.crosswalk();
            Map<String, List<CrosswalkRow>> bySource = rows.stream()
                    .collect(Collectors.groupingBy(CrosswalkRow::sourceCode));
            assertThat(bySource.keySet()).hasSameSizeAs(CATALOG.allSigungu());
            for (Sigungu s : CATALOG.allSigungu()) {
                List<LocalDate> probe = new ArrayList<>(dates);
                probe.add(CrosswalkRow.OPEN_START);
                for (LocalDate date : probe) {
                    List<Share> fromRows = bySource.get(s.code()).stream().filter(r -> r.covers(date))
                            .map(r -> new Share(r.targetCode(), r.weight(), r.primary()))
                            .sorted(Comparator.comparing((Share x) -> !x.primary()).thenComparing(Share::code))
                            .toList();
                    assertThat(fromRows).as(s.code() + " on " + date).isEqualTo(vintage.map(s.code(), date));
                }
            }
        }
    }

    @Test
    void crosswalkRangesDoNotOverlapAndCoverAllDates() {
        Map<String, List<CrosswalkRow>> bySource = RegionVintage.asOf(d("2020-01-01")).crosswalk().stream()
                .collect(Collectors.groupingBy(CrosswalkRow::sourceCode));
        for (List<CrosswalkRow> rows : bySource.values()) {
            TreeSet<LocalDate> starts = rows.stream().map(CrosswalkRow::validFrom)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(starts.first()).isEqualTo(CrosswalkRow.OPEN_START);
            for (CrosswalkRow r : rows) {
                if (r.validUntil() != null) {
                    assertThat(starts).as(r.toString()).contains(r.validUntil());
                }
            }
            assertThat(rows.stream().anyMatch(r -> r.validUntil() == null)).isTrue();
        }
    }

    @Test
    void crosswalkForAPastVintage() {
        // on the 2020 layout a 51110 record from 2025 is 42110, and 41192 is 41190 whatever its date
        List<CrosswalkRow> rows = RegionVintage.asOf(d("2020-01-01")).crosswalk();
        assertThat(rows).filteredOn(r -> r.sourceCode().equals("51110"))
                .extracting(CrosswalkRow::targetCode).containsOnly("42110");
        assertThat(rows).filteredOn(r -> r.sourceCode().equals("41192"))
                .extracting(CrosswalkRow::targetCode).containsOnly("41190");
        assertThat(CURRENT.crosswalk()).filteredOn(r -> r.sourceCode().equals("11110"))
                .containsExactly(new CrosswalkRow("11110", CrosswalkRow.OPEN_START, null, "11110", 1.0, true));
    }

    private static List<LocalDate> sampleDates() {
        TreeSet<LocalDate> out = new TreeSet<>();
        for (RegionCatalog.CodeChange c : CATALOG.changes()) {
            out.add(c.effective());
            out.add(c.effective().minusDays(1));
        }
        out.add(d("2015-01-01"));
        out.add(d("2020-01-01"));
        out.add(d("2030-01-01"));
        return List.copyOf(out);
    }
}

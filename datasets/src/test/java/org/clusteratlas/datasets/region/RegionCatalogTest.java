package org.clusteratlas.datasets.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class RegionCatalogTest {

    private static final RegionCatalog CATALOG = RegionCatalog.load();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void sixteenCurrentSidoOutOfTwentySince2015() {
        assertThat(CATALOG.sido()).extracting(Sido::code).containsExactlyInAnyOrder(
                "11", "12", "26", "27", "28", "29", "30", "31", "36", "41", "42", "43", "44", "45", "46", "47",
                "48", "50", "51", "52");
        assertThat(CATALOG.currentSido()).extracting(Sido::code).containsExactlyInAnyOrder(
                "11", "12", "26", "27", "28", "30", "31", "36", "41", "43", "44", "47", "48", "50", "51", "52");
        assertThat(CATALOG.sido("12")).get().extracting(Sido::name).isEqualTo("전남광주통합특별시");
        assertThat(CATALOG.sido("42").orElseThrow().inForceOn(d("2023-06-10"))).isTrue();
        assertThat(CATALOG.sido("42").orElseThrow().inForceOn(d("2023-06-11"))).isFalse();
        assertThat(CATALOG.sido("51").orElseThrow().inForceOn(d("2023-06-11"))).isTrue();
    }

    @Test
    void currentCounts() {
        assertThat(CATALOG.currentSigungu()).hasSize(269);
        assertThat(CATALOG.leafSigungu()).hasSize(256);
        assertThat(CATALOG.currentSigungu().stream().filter(Sigungu::parentCity)).hasSize(13);
        assertThat(CATALOG.currentSigungu().stream().filter(Sigungu::isIlbanGu)).hasSize(39);
        assertThat(CATALOG.sigunguOn(d("2026-07-01"))).hasSize(269);
        assertThat(CATALOG.leafSigunguOn(d("2026-07-01"))).hasSize(256);
    }

    @Test
    void currentRowsPerSidoAsInTheReference() {
        Map<String, Long> perSido = CATALOG.currentSigungu().stream()
                .collect(Collectors.groupingBy(Sigungu::sidoCode, TreeMap::new, Collectors.counting()));
        assertThat(perSido).containsExactlyEntriesOf(new TreeMap<>(Map.ofEntries(
                Map.entry("11", 25L), Map.entry("12", 27L), Map.entry("26", 16L), Map.entry("27", 9L),
                Map.entry("28", 11L), Map.entry("30", 5L), Map.entry("31", 5L), Map.entry("36", 1L),
                Map.entry("41", 55L), Map.entry("43", 15L), Map.entry("44", 17L), Map.entry("47", 24L),
                Map.entry("48", 23L), Map.entry("50", 2L), Map.entry("51", 18L), Map.entry("52", 16L))));
    }

    @Test
    void parentCitiesAndTheirIlbanGu() {
        assertThat(CATALOG.currentSigungu().stream().filter(Sigungu::parentCity).map(Sigungu::code))
                .containsExactlyInAnyOrder("41110", "41130", "41170", "41190", "41270", "41280", "41460", "41590",
                        "43110", "44130", "47110", "48120", "52110");
        assertThat(CATALOG.sigungu("41597")).get().isEqualTo(new Sigungu("41597", "41", "화성시 동탄구", false, "41590"));
        assertThat(CATALOG.sigungu("52111").orElseThrow().parentCode()).isEqualTo("52110");
        assertThat(CATALOG.sigungu("11110").orElseThrow().parentCode()).isNull();
        for (Sigungu s : CATALOG.allSigungu()) {
            if (s.isIlbanGu()) {
                assertThat(CATALOG.sigungu(s.parentCode())).as(s.code()).get().extracting(Sigungu::parentCity)
                        .isEqualTo(true);
            }
        }
    }

    @Test
    void leavesOnPastDates() {
        // 부천 had no 일반구 from 2016-07-04 to 2023-12-31; 화성 got its 일반구 on 2026-02-01
        assertThat(CATALOG.isLeaf("41190", d("2015-06-01"))).isFalse();
        assertThat(CATALOG.isLeaf("41190", d("2020-01-01"))).isTrue();
        assertThat(CATALOG.isLeaf("41192", d("2020-01-01"))).isFalse();
        assertThat(CATALOG.isLeaf("41190", d("2024-01-01"))).isFalse();
        assertThat(CATALOG.isLeaf("41590", d("2026-01-31"))).isTrue();
        assertThat(CATALOG.isLeaf("41590", d("2026-02-01"))).isFalse();
        assertThat(CATALOG.isLeaf("41591", d("2026-02-01"))).isTrue();
        assertThat(CATALOG.leafSigunguOn(d("2020-01-01")).stream().anyMatch(s -> s.code().equals("42110"))).isTrue();
        assertThat(CATALOG.leafSigunguOn(d("2020-01-01")).stream().anyMatch(s -> s.code().equals("51110"))).isFalse();
    }

    @Test
    void inForceAroundTheGangwonBoundaryDay() {
        assertThat(CATALOG.inForce("42110", d("2023-06-10"))).isTrue();
        assertThat(CATALOG.inForce("42110", d("2023-06-11"))).isFalse();
        assertThat(CATALOG.inForce("51110", d("2023-06-10"))).isFalse();
        assertThat(CATALOG.inForce("51110", d("2023-06-11"))).isTrue();
    }

    @Test
    void namesOfCurrentAndHistoricalCodes() {
        assertThat(CATALOG.nameOf("42110")).isEqualTo("춘천시");
        assertThat(CATALOG.nameOf("29110")).isEqualTo("동구");
        assertThat(CATALOG.fullNameOf("29110")).isEqualTo("광주광역시 동구");
        assertThat(CATALOG.fullNameOf("12210")).isEqualTo("전남광주통합특별시 동구");
        assertThat(CATALOG.fullNameOf("42110")).isEqualTo("강원도 춘천시");
        assertThat(CATALOG.nameOf("46230")).isEqualTo("광양시");
        assertThat(CATALOG.nameOf("28170")).isEqualTo("남구");
        assertThat(CATALOG.nameOf("28177")).isEqualTo("미추홀구");
        assertThat(CATALOG.nameOf("28260")).isEqualTo("서구");
        assertThat(CATALOG.nameOf("28275")).isEqualTo("서해구");
        assertThat(CATALOG.nameOf("47720")).isEqualTo("군위군");
        assertThat(CATALOG.fullNameOf("47720")).isEqualTo("경상북도 군위군");
        assertThat(CATALOG.fullNameOf("27720")).isEqualTo("대구광역시 군위군");
        assertThat(CATALOG.nameOf("45111")).isEqualTo("전주시 완산구");
        assertThat(CATALOG.fullNameOf("36110")).isEqualTo("세종특별자치시");
        assertThat(CATALOG.nameOf("42")).isEqualTo("강원도");
        assertThat(CATALOG.nameOf("99999")).isNull();
        assertThat(CATALOG.nameOf(null)).isNull();
    }

    @Test
    void everyCodeInTheChangeListHasANameAndFitsItsPeriods() {
        for (RegionCatalog.CodeChange c : CATALOG.changes()) {
            assertThat(CATALOG.nameOf(c.oldCode())).as(c.oldCode()).isNotBlank();
            assertThat(CATALOG.nameOf(c.newCode())).as(c.newCode()).isNotBlank();
            // the old code is in force the day before, the new one on the day
            assertThat(CATALOG.inForce(c.oldCode(), c.effective().minusDays(1))).as(c.toString()).isTrue();
            assertThat(CATALOG.inForce(c.newCode(), c.effective())).as(c.toString()).isTrue();
            assertThat(c.effective()).isAfterOrEqualTo(RegionCatalog.HORIZON);
        }
    }

    @Test
    void codesStartAndEndOnlyOnChangeDays() {
        List<LocalDate> days = CATALOG.changes().stream().map(RegionCatalog.CodeChange::effective).distinct().toList();
        for (Sigungu s : CATALOG.allSigungu()) {
            for (Validity v : CATALOG.periods(s.code())) {
                if (v.from() != null) {
                    assertThat(days).as(s.code()).contains(v.from());
                }
                if (v.until() != null) {
                    assertThat(days).as(s.code()).contains(v.until());
                }
            }
        }
    }

    @Test
    void changeListHoldsTheKnownEvents() {
        Map<LocalDate, Long> perDay = CATALOG.changes().stream()
                .collect(Collectors.groupingBy(RegionCatalog.CodeChange::effective, TreeMap::new, Collectors.counting()));
        assertThat(perDay).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                d("2016-07-04"), 3L, d("2018-07-01"), 1L, d("2023-06-11"), 18L, d("2023-07-01"), 1L,
                d("2024-01-01"), 3L, d("2024-01-18"), 16L, d("2026-02-01"), 4L, d("2026-07-01"), 32L)));
        assertThat(CATALOG.latestChange()).isEqualTo(d("2026-07-01"));
    }

    @Test
    void codeInForceGoesBackToTheCodeOfTheDay() {
        assertThat(CATALOG.codeInForce("51110", d("2020-05-01"))).isEqualTo("42110");
        assertThat(CATALOG.codeInForce("51110", d("2023-06-10"))).isEqualTo("42110");
        assertThat(CATALOG.codeInForce("51110", d("2023-06-11"))).isEqualTo("51110");
        assertThat(CATALOG.codeInForce("12210", d("2025-01-01"))).isEqualTo("29110");
        assertThat(CATALOG.codeInForce("12190", d("2026-06-30"))).isEqualTo("46230");
        assertThat(CATALOG.codeInForce("12190", d("2026-07-01"))).isEqualTo("12190");
        assertThat(CATALOG.codeInForce("28275", d("2025-01-01"))).isEqualTo("28260");
        assertThat(CATALOG.codeInForce("28290", d("2025-01-01"))).isEqualTo("28260");
        assertThat(CATALOG.codeInForce("28155", d("2025-01-01"))).isEqualTo("28110");
        assertThat(CATALOG.codeInForce("28125", d("2025-01-01"))).isEqualTo("28110");
        assertThat(CATALOG.codeInForce("28177", d("2017-01-01"))).isEqualTo("28170");
        assertThat(CATALOG.codeInForce("41591", d("2025-06-01"))).isEqualTo("41590");
        assertThat(CATALOG.codeInForce("41597", d("2026-01-31"))).isEqualTo("41590");
        assertThat(CATALOG.codeInForce("41597", d("2026-02-01"))).isEqualTo("41597");
        assertThat(CATALOG.codeInForce("41192", d("2020-01-01"))).isEqualTo("41190");
        assertThat(CATALOG.codeInForce("41194", d("2016-07-04"))).isEqualTo("41190");
        assertThat(CATALOG.codeInForce("41194", d("2016-07-03"))).isEqualTo("41194");
        assertThat(CATALOG.codeInForce("41192", d("2015-01-01"))).isEqualTo("41192");
        assertThat(CATALOG.codeInForce("27720", d("2023-01-01"))).isEqualTo("47720");
        assertThat(CATALOG.codeInForce("27720", d("2023-06-30"))).isEqualTo("47720");
        assertThat(CATALOG.codeInForce("27720", d("2023-07-01"))).isEqualTo("27720");
        assertThat(CATALOG.codeInForce("52113", d("2024-01-17"))).isEqualTo("45113");
        assertThat(CATALOG.codeInForce("52110", d("2020-01-01"))).isEqualTo("45110");
        assertThat(CATALOG.codeInForce("11110", d("2015-01-01"))).isEqualTo("11110");
    }

    @Test
    void codeInForceOfEveryLeafIsALeafOnThatDay() {
        for (LocalDate day : List.of(d("2015-01-01"), d("2017-01-01"), d("2023-06-10"), d("2024-01-17"),
                d("2026-01-31"), d("2026-06-30"), d("2026-07-01"))) {
            for (Sigungu s : CATALOG.leafSigungu()) {
                String then = CATALOG.codeInForce(s.code(), day);
                assertThat(CATALOG.isLeaf(then, day)).as(s.code() + " on " + day + " -> " + then).isTrue();
            }
        }
    }

    @Test
    void codeInForceRejectsRetiredOrUnknownCodes() {
        assertThatThrownBy(() -> CATALOG.codeInForce("42110", d("2020-01-01")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CATALOG.codeInForce("00000", d("2020-01-01")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

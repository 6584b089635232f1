package org.clusteratlas.datasets.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.clusteratlas.datasets.region.RegionVintage.Share;
import org.junit.jupiter.api.Test;

/** The real code-change events of 2016–2026, each mapped to the current and to past vintages. */
class RegionVintageTest {

    private static final RegionVintage CURRENT = RegionVintage.current();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static Share whole(String code) {
        return new Share(code, 1.0, true);
    }

    /** Codes and rounded weights, primary first, for compact assertions. */
    private static List<String> shares(RegionVintage vintage, String code, String date) {
        return vintage.map(code, d(date)).stream()
                .map(s -> s.code() + (s.primary() ? "*" : "") + "=" + Math.round(s.weight() * 1000) / 1000.0)
                .toList();
    }

    @Test
    void currentIsTheStateAfterTheLatestChange() {
        assertThat(CURRENT.vintage()).isEqualTo(d("2026-07-01"));
    }


    @Test
    void gangwonOnTheBoundaryDay() {
        assertThat(CURRENT.map("42110", d("2020-01-01"))).containsExactly(whole("51110"));
        assertThat(CURRENT.map("42110", d("2023-06-10"))).containsExactly(whole("51110"));
        RegionVintage dayBefore = RegionVintage.asOf(d("2023-06-10"));
        RegionVintage day = RegionVintage.asOf(d("2023-06-11"));
        assertThat(dayBefore.map("42110", d("2023-06-10"))).containsExactly(whole("42110"));
        assertThat(day.map("42110", d("2023-06-10"))).containsExactly(whole("51110"));
        assertThat(dayBefore.map("51110", d("2023-06-11"))).containsExactly(whole("42110"));
        assertThat(day.map("51110", d("2023-06-11"))).containsExactly(whole("51110"));
    }

    @Test
    void gunwiMovesToDaegu() {
        assertThat(CURRENT.map("47720", d("2022-01-01"))).containsExactly(whole("27720"));
        assertThat(RegionVintage.asOf(d("2023-06-30")).map("47720", d("2022-01-01"))).containsExactly(whole("47720"));
        assertThat(RegionVintage.asOf(d("2023-07-01")).map("47720", d("2023-06-30"))).containsExactly(whole("27720"));
    }

    @Test
    void jeonbukIncludingJeonjuParentCity() {
        assertThat(CURRENT.map("45130", d("2024-01-17"))).containsExactly(whole("52130"));
        assertThat(CURRENT.map("45111", d("2020-01-01"))).containsExactly(whole("52111"));
        assertThat(CURRENT.map("45113", d("2020-01-01"))).containsExactly(whole("52113"));
        // a record that only knew "전주시" is spread over its two 일반구
        assertThat(shares(CURRENT, "45110", "2020-01-01")).containsExactly("52111*=0.5", "52113=0.5");
        assertThat(RegionVintage.asOf(d("2024-01-17")).map("52111", d("2024-01-18"))).containsExactly(whole("45111"));
    }

    @Test
    void bucheonMergeAndReSplitMapsEachGuBackToItself() {
        assertThat(CURRENT.map("41192", d("2015-01-01"))).containsExactly(whole("41192"));
        assertThat(CURRENT.map("41194", d("2016-07-03"))).containsExactly(whole("41194"));
        assertThat(CURRENT.map("41196", d("2016-06-01"))).containsExactly(whole("41196"));
        // while the city had no 구 its data sits on 41190, which is spread over the re-created 구
        assertThat(shares(CURRENT, "41190", "2020-01-01"))
                .containsExactly("41192*=0.333", "41194=0.333", "41196=0.333");
        RegionVintage v2020 = RegionVintage.asOf(d("2020-01-01"));
        assertThat(v2020.map("41192", d("2015-01-01"))).containsExactly(whole("41190"));
        assertThat(v2020.map("41192", d("2025-01-01"))).containsExactly(whole("41190"));
        assertThat(v2020.map("41190", d("2020-01-01"))).containsExactly(whole("41190"));
        // and backwards: a 2025 record mapped to the 2015 layout finds its own 구 again
        RegionVintage v2015 = RegionVintage.asOf(d("2015-01-01"));
        assertThat(v2015.map("41192", d("2025-01-01"))).containsExactly(whole("41192"));
        assertThat(shares(v2015, "41190", "2020-01-01"))
                .containsExactly("41192*=0.333", "41194=0.333", "41196=0.333");
    }

    @Test
    void staleBucheonGuCodeInTheMergedYears() {
        // a 2020 record still carrying 원미구 is read on its last valid day
        assertThat(CURRENT.map("41192", d("2020-01-01"))).containsExactly(whole("41192"));
        assertThat(RegionVintage.asOf(d("2020-01-01")).map("41192", d("2020-01-01"))).containsExactly(whole("41190"));
    }

    @Test
    void hwaseongGetsFourGu() {
        assertThat(shares(CURRENT, "41590", "2025-01-01"))
                .containsExactly("41591*=0.25", "41593=0.25", "41595=0.25", "41597=0.25");
        // the parent code on a record after the split: same spread
        assertThat(shares(CURRENT, "41590", "2026-03-01"))
                .containsExactly("41591*=0.25", "41593=0.25", "41595=0.25", "41597=0.25");
        assertThat(RegionVintage.asOf(d("2026-01-31")).map("41590", d("2025-01-01"))).containsExactly(whole("41590"));
        assertThat(RegionVintage.asOf(d("2026-01-31")).map("41597", d("2026-03-01"))).containsExactly(whole("41590"));
        assertThat(CURRENT.primaryCode("41590", d("2025-01-01"))).isEqualTo("41591");
    }

    @Test
    void incheonReorganisation() {
        assertThat(shares(CURRENT, "28260", "2025-01-01")).containsExactly("28275*=0.5", "28290=0.5");
        assertThat(shares(CURRENT, "28110", "2025-01-01")).containsExactly("28125*=0.5", "28155=0.5");
        assertThat(CURRENT.map("28140", d("2025-01-01"))).containsExactly(whole("28125"));
        assertThat(CURRENT.map("28170", d("2017-01-01"))).containsExactly(whole("28177"));
        assertThat(CURRENT.map("28170", d("2018-06-30"))).containsExactly(whole("28177"));
        assertThat(RegionVintage.asOf(d("2018-06-30")).map("28177", d("2018-07-01"))).containsExactly(whole("28170"));
        // back to the 2025 layout: 제물포구 came from part of 중구 and all of 동구
        assertThat(shares(RegionVintage.asOf(d("2025-01-01")), "28125", "2026-08-01"))
                .containsExactly("28110*=0.5", "28140=0.5");
        assertThat(RegionVintage.asOf(d("2025-01-01")).map("28290", d("2026-08-01"))).containsExactly(whole("28260"));
    }

    @Test
    void gwangjuJeonnamRenumbering() {
        assertThat(CURRENT.map("46230", d("2025-01-01"))).containsExactly(whole("12190"));
        assertThat(CURRENT.map("29110", d("2015-01-01"))).containsExactly(whole("12210"));
        assertThat(CURRENT.map("29155", d("2026-06-30"))).containsExactly(whole("12270"));
        assertThat(CURRENT.map("46110", d("2019-01-01"))).containsExactly(whole("12110"));
        // NPS may keep writing 29xxx after the merger: a stale code still lands right
        assertThat(CURRENT.map("29110", d("2026-08-01"))).containsExactly(whole("12210"));
        assertThat(RegionVintage.asOf(d("2026-06-30")).map("12210", d("2026-08-01"))).containsExactly(whole("29110"));
        assertThat(CURRENT.primaryCode("46230", d("2020-01-01"))).isEqualTo("12190");
    }

    @Test
    void unchangedCodesMapToThemselves() {
        assertThat(CURRENT.map("11110", d("2015-01-01"))).containsExactly(whole("11110"));
        assertThat(CURRENT.map(" 26440 ", d("2030-01-01"))).containsExactly(whole("26440"));
        assertThat(shares(CURRENT, "41110", "2020-01-01"))
                .containsExactly("41111*=0.25", "41113=0.25", "41115=0.25", "41117=0.25");
    }

    @Test
    void unknownCodes() {
        assertThat(CURRENT.map("99999", d("2020-01-01"))).isEmpty();
        assertThat(CURRENT.map(null, d("2020-01-01"))).isEmpty();
        assertThat(CURRENT.map("", d("2020-01-01"))).isEmpty();
        assertThat(CURRENT.primaryCode("99999", d("2020-01-01"))).isNull();
    }
}

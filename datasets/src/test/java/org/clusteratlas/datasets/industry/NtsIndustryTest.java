package org.clusteratlas.datasets.industry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NtsIndustryTest {

    private static final NtsIndustry NTS = NtsIndustry.load();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "552101, 56", // 한식 음식점: NTS 중분류 55, KSIC-11 56
        "525101, 47", // 전자상거래 소매
        "722000, 58", // 응용 소프트웨어: publishing, not 62
        "721000, 62",
        "701201, 68",
        "701101, 68",
        "551001, 55", // 호텔: the exact row beats the 55 -> 56 fallback
        "660305, 84", // 건강보험: section O in KSIC-11
        "525105, 46",
        "011000, 01",
        "11000, 01", // leading zero lost in a spreadsheet
        "741101, 71"})
    void exactRows(String nts, String division) {
        assertThat(NTS.ksicDivision(nts)).contains(division);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "292201, 29", // 동력식 수지 공구 (seen in NPS data, no 연계표 link verified)
        "751100, 84", // 일반 행정
        "552303, 56", // 커피 전문점
        "321001, 26",
        "150000, 10",
        "660101, 65"})
    void twoDigitFallback(String nts, String division) {
        assertThat(NTS.ksicDivision(nts)).contains(division);
        assertThat(NTS.isExact(nts)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"999999", "   ", "940909", "000000", "55", "5521011", "abcdef"})
    void noDivision(String nts) {
        assertThat(NTS.ksicDivision(nts)).isEmpty();
    }

    @Test
    void everyCodeOfferedForADivisionMapsBackToIt() {
        int covered = 0;
        for (Ksic.Division d : Ksic.load().divisions()) {
            List<String> codes = NTS.ntsCodesFor(d.code());
            for (String code : codes) {
                assertThat(code).matches("\\d{6}");
                assertThat(NTS.ksicDivision(code)).as(code).contains(d.code());
            }
            covered += codes.isEmpty() ? 0 : 1;
        }
        assertThat(covered).isGreaterThanOrEqualTo(55);
    }

    @Test
    void everyFallbackTargetAndExactDivisionHasCodes() {
        for (String division : List.of("01", "03", "10", "20", "26", "27", "28", "29", "30", "41", "46", "47", "49",
                "55", "56", "58", "62", "68", "70", "71", "84", "85", "86")) {
            assertThat(NTS.ntsCodesFor(division)).as(division).isNotEmpty();
        }
    }

    @Test
    void realCodesComeFirst() {
        assertThat(NTS.ntsCodesFor("56")).containsExactly("552101", "552102", "550000");
        assertThat(NTS.ntsCodesFor("58")).containsExactly("722000");
        assertThat(NTS.ntsCodesFor("26")).containsExactly("300000", "320000");
        assertThat(NTS.ntsCodesFor("11")).isEmpty();
        assertThat(NTS.ntsCodesFor(null)).isEmpty();
    }

    @Test
    void names() {
        assertThat(NTS.name("552101")).isEqualTo("한식 일반 음식점업");
        assertThat(NTS.name("552303")).isEqualTo("숙박 및 음식점업 (업종 중분류 55)");
        assertThat(NTS.name("999999")).contains("미존재");
        assertThat(NTS.name("940909")).isNull();
        assertThat(NTS.name(null)).isNull();
    }
}

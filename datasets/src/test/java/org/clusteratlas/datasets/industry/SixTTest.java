package org.clusteratlas.datasets.industry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SixTTest {

    @Test
    void ntisCodesOneToSeven() {
        assertThat(SixT.values()).extracting(SixT::ntisCode)
                .containsExactly("01", "02", "03", "04", "05", "06", "07");
        assertThat(SixT.IT.nameKo()).isEqualTo("정보기술");
        assertThat(SixT.OTHER.nameKo()).isEqualTo("기타");
    }

    @Test
    void parsesCodesAndLabels() {
        assertThat(SixT.parse("01")).contains(SixT.IT);
        assertThat(SixT.parse("2")).contains(SixT.BT);
        assertThat(SixT.parse("0305")).contains(SixT.NT);
        assertThat(SixT.parse("et")).contains(SixT.ET);
        assertThat(SixT.parse("문화기술")).contains(SixT.CT);
        assertThat(SixT.parse(" 07 ")).contains(SixT.OTHER);
        assertThat(SixT.parse("08")).isEmpty();
        assertThat(SixT.parse("")).isEmpty();
        assertThat(SixT.parse(null)).isEmpty();
    }
}

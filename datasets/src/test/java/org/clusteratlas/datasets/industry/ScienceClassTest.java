package org.clusteratlas.datasets.industry;

import static org.assertj.core.api.Assertions.assertThat;

import org.clusteratlas.datasets.industry.ScienceClass.Entry;
import org.junit.jupiter.api.Test;

class ScienceClassTest {

    private static final ScienceClass SC = ScienceClass.load();

    @Test
    void twentyTwoTopClassesInFiveFields() {
        assertThat(SC.top()).hasSize(22);
        assertThat(SC.top()).extracting(Entry::code).doesNotHaveDuplicates().allMatch(c -> c.matches("[A-Z]{2}"));
        assertThat(SC.fields()).containsExactly("자연", "생명", "인공물", "인문사회학", "인간 과학과 기술");
        assertThat(SC.top().stream().filter(e -> e.field().equals("인공물"))).hasSize(9);
    }

    @Test
    void verifiedCodes() {
        assertThat(SC.top("ED")).contains(new Entry("ED", "전기/전자", "인공물"));
        assertThat(SC.top("EE08")).get().extracting(Entry::nameKo).isEqualTo("정보/통신");
        assertThat(SC.isVerified("ED")).isTrue();
        assertThat(SC.isVerified("ee")).isTrue();
        assertThat(SC.isVerified("EA")).isFalse();
        assertThat(SC.top().stream().filter(e -> SC.isVerified(e.code()))).hasSize(2);
    }

    @Test
    void unknownCodes() {
        assertThat(SC.top("ZZ")).isEmpty();
        assertThat(SC.top("E")).isEmpty();
        assertThat(SC.top((String) null)).isEmpty();
    }
}

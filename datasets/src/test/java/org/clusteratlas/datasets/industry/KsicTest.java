package org.clusteratlas.datasets.industry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.clusteratlas.datasets.industry.Ksic.Division;
import org.clusteratlas.datasets.industry.Ksic.Section;
import org.junit.jupiter.api.Test;

class KsicTest {

    private static final Ksic KSIC = Ksic.load();

    @Test
    void twentyOneSectionsAToU() {
        assertThat(KSIC.sections()).hasSize(21);
        assertThat(KSIC.sections()).extracting(Section::code)
                .containsExactly("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q",
                        "R", "S", "T", "U");
        assertThat(KSIC.sections().get(2)).isEqualTo(new Section("C", "10", "34", "제조업", "Manufacturing"));
    }

    @Test
    void seventySevenDivisions() {
        List<Division> divisions = KSIC.divisions();
        assertThat(divisions).hasSize(77);
        assertThat(divisions).extracting(Division::code).doesNotHaveDuplicates().isSorted()
                .contains("01", "34", "35", "58", "63", "84", "99")
                .doesNotContain("04", "09", "40", "48", "57", "67", "69", "77", "83", "88", "92");
    }

    @Test
    void everyDivisionLiesInExactlyOneSectionRangeAndItIsItsOwn() {
        for (Division d : KSIC.divisions()) {
            List<Section> containing = KSIC.sections().stream().filter(s -> s.contains(d.code())).toList();
            assertThat(containing).as(d.code()).hasSize(1);
            assertThat(containing.get(0).code()).as(d.code()).isEqualTo(d.sectionCode());
        }
    }

    @Test
    void sectionRangesDoNotOverlap() {
        List<Section> sections = KSIC.sections();
        for (int i = 1; i < sections.size(); i++) {
            assertThat(sections.get(i).fromDivision()).isGreaterThan(sections.get(i - 1).toDivision());
        }
    }

    @Test
    void sectionOfCodesOfAnyLength() {
        assertThat(KSIC.sectionOf("26110")).isEqualTo("C");
        assertThat(KSIC.sectionOf("26")).isEqualTo("C");
        assertThat(KSIC.sectionOf("262")).isEqualTo("C");
        assertThat(KSIC.sectionOf("2612")).isEqualTo("C");
        assertThat(KSIC.sectionOf("C26110")).isEqualTo("C");
        assertThat(KSIC.sectionOf("01110")).isEqualTo("A");
        assertThat(KSIC.sectionOf("34")).isEqualTo("C");
        assertThat(KSIC.sectionOf("35114")).isEqualTo("D");
        assertThat(KSIC.sectionOf("58222")).isEqualTo("J");
        assertThat(KSIC.sectionOf("84611")).isEqualTo("O");
        assertThat(KSIC.sectionOf("99")).isEqualTo("U");
        assertThat(KSIC.sectionOf("04110")).isNull();
        assertThat(KSIC.sectionOf("2")).isNull();
        assertThat(KSIC.sectionOf("261100")).isNull();
        assertThat(KSIC.sectionOf(null)).isNull();
    }

    @Test
    void eleventhRevisionNames() {
        assertThat(KSIC.division("60")).get().extracting(Division::nameKo).isEqualTo("방송 및 영상·오디오물 제공 서비스업");
        assertThat(KSIC.division("65")).get().extracting(Division::nameKo).isEqualTo("보험업");
        assertThat(KSIC.division("26110")).get().extracting(Division::sectionCode).isEqualTo("C");
        assertThat(KSIC.division("00")).isEmpty();
    }
}

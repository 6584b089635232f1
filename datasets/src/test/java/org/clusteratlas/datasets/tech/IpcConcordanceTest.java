package org.clusteratlas.datasets.tech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.clusteratlas.datasets.tech.IpcConcordance.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IpcConcordanceTest {

    private static final IpcConcordance IPC = IpcConcordance.load();

    private static int field(String ipc) {
        return IPC.fieldOf(ipc).orElseThrow(() -> new AssertionError("no field for " + ipc)).id();
    }

    @Test
    void thirtyFiveFieldsInFiveSectors() {
        assertThat(IPC.fields()).hasSize(35);
        assertThat(IPC.fields()).extracting(TechField::id).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 35).boxed().toList());
        assertThat(IPC.sectors()).containsExactly(
                "Electrical engineering", "Instruments", "Chemistry", "Mechanical engineering", "Other fields");
        Map<String, List<Integer>> ids = IPC.fields().stream().collect(Collectors.groupingBy(TechField::sector,
                Collectors.mapping(TechField::id, Collectors.toList())));
        assertThat(ids.get("Electrical engineering")).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(ids.get("Instruments")).containsExactly(9, 10, 11, 12, 13);
        assertThat(ids.get("Chemistry")).containsExactly(14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24);
        assertThat(ids.get("Mechanical engineering")).containsExactly(25, 26, 27, 28, 29, 30, 31, 32);
        assertThat(ids.get("Other fields")).containsExactly(33, 34, 35);
        assertThat(IPC.field(8).name()).isEqualTo("Semiconductors");
        assertThat(IPC.field(24).name()).isEqualTo("Environmental technology");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "G01N 33/53, 11", "G01N 33/00, 11", "G01N 21/64, 10", "G01N 1/28, 10", "G01N, 10",
        "A61K 8/02, 14", "A61K 8/97, 14", "A61K 31/00, 16", "A61K 9/20, 16", "A61K 40/11, 16", "A61K, 16",
        "H04N 21/234, 4", "H04N 1/00, 3", "H04N 5/225, 2", "H04N 19/50, 2", "H04N 13/00, 2", "H04N 101/00, 2",
        "B01D 53/94, 24", "B01D 46/00, 24", "B01D 45/04, 24", "B01D 1/00, 23", "B01D 61/00, 23", "B01D 48/00, 23",
        "E01F 8/00, 24", "E01F 1/00, 35", "E01F 9/00, 35",
        "C13B 10/00, 18", "C13B 5/00, 29", "C13B 45/00, 29", "C13B 99/00, 18"})
    void mainGroupOverrides(String ipc, int field) {
        assertThat(field(ipc)).isEqualTo(field);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"H01L 21/02", "H01L21/02", "H01L 21/02 (2006.01)", "h01l 21/02", "  H01L  21 / 02 ",
        "H01L", "H01L 21", "H01L0021020000", "H01L 21/02(2006.01)"})
    void acceptsTheUsualWritings(String ipc) {
        assertThat(field(ipc)).isEqualTo(8);
    }

    @Test
    void patstatSpacedMainGroups() {
        assertThat(field("A61K   8")).isEqualTo(14);
        assertThat(field("G01N  33")).isEqualTo(11);
        assertThat(field("A61K0008020000")).isEqualTo(14);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"H04N", "C13B", "Z99Z", "Y02E 10/50", "X", "12345", "H0L 21/02"})
    void noField(String ipc) {
        assertThat(IPC.fieldOf(ipc)).isEmpty();
    }

    /** One or more subclasses of every field, including ones from expanded spans. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "H01M, 1", "H02S, 1", "F21V, 1", "G09G, 2", "H04R, 2", "H05K, 2", "H04B, 3", "H01Q, 3", "G08C, 3",
        "H04L, 4", "H04W, 4", "H03K, 5", "H03B, 5", "H03M, 5", "G06F, 6", "G06N, 6", "G10L, 6", "G11C, 6",
        "G06Q, 7", "H01L, 8", "G02B, 9", "H01S, 9", "G03F, 9", "G01B, 10", "G01R, 10", "G04G, 10",
        "G05B, 12", "G08G, 12", "G07F, 12", "A61B, 13", "A61M, 13", "G16H, 13", "H05G, 13",
        "C07D, 14", "A61Q, 14", "C40B, 14", "C12N, 15", "C07K, 15", "C12Q, 15", "A61P, 16",
        "C08L, 17", "C08G, 17", "A23L, 18", "A01H, 18", "C12G, 18", "C09K, 19", "C05F, 19", "C05B, 19", "C10M, 19",
        "C22C, 20", "C04B, 20", "B22F, 20", "C23C, 21", "B32B, 21", "C30B, 21", "B82Y, 22", "B81B, 22",
        "B01J, 23", "F25J, 23", "H05H, 23", "C02F, 24", "F01N, 24", "G01T, 24", "A62C, 24", "A62D, 24",
        "B65G, 25", "B25J, 25", "B66C, 25", "B23K, 26", "B21D, 26", "B27N, 26", "B30B, 26",
        "F02M, 27", "G21C, 27", "F23R, 27", "D06M, 28", "B41J, 28", "D21H, 28", "D01F, 28",
        "B29C, 29", "B33Y, 29", "A01K, 29", "F41H, 29", "C08J, 29", "F24F, 30", "F28F, 30", "F25B, 30",
        "F16H, 31", "G05G, 31", "F17C, 31", "B60W, 32", "B60L, 32", "B62D, 32", "B61L, 32", "B64C, 32",
        "A47L, 33", "A63F, 33", "A45D, 34", "F25D, 34", "G10H, 34", "A62B, 34",
        "E04B, 35", "E21B, 35", "E02D, 35", "E99Z, 35"})
    void subclassSample(String subclass, int field) {
        assertThat(field(subclass)).isEqualTo(field);
        assertThat(field(subclass + " 99/00")).isEqualTo(field);
    }

    @Test
    void spansListRealSubclassesOnly() {
        List<String> subclasses = IPC.rows().stream().map(Row::subclass).distinct().toList();
        assertThat(subclasses).contains("C05B", "C05C", "C05D", "C05F", "C05G", "B21L", "D21J", "B60V", "B61K")
                .doesNotContain("C05E", "B21E", "H03E", "B60E", "B60U", "D21E");
    }

    @Test
    void laterSubclassesFollowWhatTheyWereSplitFrom() {
        assertThat(field("G06V 10/82")).isEqualTo(6);
        assertThat(field("H10K 50/11")).isEqualTo(8);
        assertThat(field("H10B 12/00")).isEqualTo(8);
        assertThat(field("H04N 23/60")).isEqualTo(2);
        assertThat(field("H04N 25/77")).isEqualTo(2);
    }

    @Test
    void noSubclassMapsToTwoFields() {
        Map<String, List<Row>> subclassRows = IPC.rows().stream().filter(r -> r.mainGroup() == null)
                .collect(Collectors.groupingBy(Row::subclass));
        subclassRows.forEach((subclass, rows) -> assertThat(rows).as(subclass).hasSize(1));
        Map<String, List<Row>> groupRows = IPC.rows().stream().filter(r -> r.mainGroup() != null)
                .collect(Collectors.groupingBy(r -> r.subclass() + " " + r.mainGroup()));
        groupRows.forEach((key, rows) -> assertThat(rows).as(key).hasSize(1));
    }

    @Test
    void mainGroupRowsOnlyWhereTheSubclassIsSplit() {
        assertThat(IPC.rows().stream().filter(r -> r.mainGroup() != null).map(Row::subclass).distinct())
                .containsExactlyInAnyOrder("A61K", "B01D", "C13B", "E01F", "G01N", "H04N");
        assertThat(IPC.rows()).allSatisfy(r -> {
            assertThat(r.fieldId()).isBetween(1, 35);
            if (r.mainGroup() != null) {
                assertThat(r.mainGroup()).matches("[1-9]\\d*");
            }
        });
    }

    @Test
    void everyFieldHasRows() {
        assertThat(IPC.rows().stream().map(Row::fieldId).distinct().count()).isEqualTo(35);
        assertThat(IPC.rows()).hasSizeGreaterThan(600);
    }
}

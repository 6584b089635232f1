package org.clusteratlas.datasets.industry;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.clusteratlas.datasets.ReferenceCsv;

/**
 * 한국표준산업분류 (KSIC), top two levels: 21 sections (대분류, letters A–U) and 77 divisions (중분류,
 * two digits). Names are the 11th revision's (effective 2024-07-01); the division list is the same in the
 * 10th revision, so codes from either revision resolve here.
 */
public final class Ksic {

    /** A 대분류: its letter, the first and last division it spans, and its names. */
    public record Section(String code, String fromDivision, String toDivision, String nameKo, String nameEn) {

        public boolean contains(String division) {
            return division.compareTo(fromDivision) >= 0 && division.compareTo(toDivision) <= 0;
        }
    }

    /** A 중분류. */
    public record Division(String code, String sectionCode, String nameKo, String nameEn) {
    }

    private static final class Loaded {
        static final Ksic INSTANCE = read();
    }

    private final List<Section> sections;
    private final Map<String, Division> divisions;
    private final List<Division> divisionList;

    private Ksic(List<Section> sections, Map<String, Division> divisions) {
        this.sections = sections;
        this.divisions = divisions;
        this.divisionList = divisions.values().stream().sorted(Comparator.comparing(Division::code)).toList();
    }

    /** From {@code reference/industry/ksic_*.csv}; read once. */
    public static Ksic load() {
        return Loaded.INSTANCE;
    }

    private static Ksic read() {
        List<Section> sections = ReferenceCsv.read("reference/industry/ksic_sections.csv").stream()
                .map(l -> new Section(l.required("section_code"), l.required("division_from"),
                        l.required("division_to"), l.required("name_ko"), l.required("name_en")))
                .toList();
        Map<String, Division> divisions = new LinkedHashMap<>();
        for (ReferenceCsv.Line l : ReferenceCsv.read("reference/industry/ksic_divisions.csv")) {
            Division d = new Division(l.required("division_code"), l.required("section_code"),
                    l.required("name_ko"), l.required("name_en"));
            boolean inItsSection = sections.stream()
                    .anyMatch(s -> s.code().equals(d.sectionCode()) && s.contains(d.code()));
            if (!inItsSection) {
                throw l.error("section_code", "does not span division " + d.code());
            }
            if (divisions.put(d.code(), d) != null) {
                throw l.error("division_code", "repeats " + d.code());
            }
        }
        return new Ksic(sections, Map.copyOf(divisions));
    }

    public List<Section> sections() {
        return sections;
    }

    /** The 77 divisions in code order. */
    public List<Division> divisions() {
        return divisionList;
    }

    /**
     * The division of a KSIC code of 2–5 digits (its first two digits), e.g. {@code "26"} or
     * {@code "26110"}. Empty for anything else, or for two digits that are no division ({@code "04"}).
     */
    public Optional<Division> division(String twoDigits) {
        String digits = ksicDigits(twoDigits);
        return digits == null ? Optional.empty() : Optional.ofNullable(divisions.get(digits.substring(0, 2)));
    }

    /**
     * The section letter of a KSIC code of 2–5 digits: {@code sectionOf("26110") = "C"}. A leading
     * section letter as some extracts write it ({@code "C26110"}) is accepted. {@code null} when the code
     * is not a KSIC code.
     */
    public String sectionOf(String ksicCode) {
        return division(ksicCode).map(Division::sectionCode).orElse(null);
    }

    private static String ksicDigits(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.trim();
        if (!s.isEmpty() && s.charAt(0) >= 'A' && s.charAt(0) <= 'U') {
            s = s.substring(1);
        }
        return s.matches("\\d{2,5}") ? s : null;
    }
}

package org.clusteratlas.datasets.industry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.clusteratlas.datasets.ReferenceCsv;

/**
 * NPS {@code 사업장업종코드} → KSIC-11 division. NPS writes the 국세청 (NTS) 6-digit 업종코드, not a KSIC code,
 * and the first two digits follow the old KSIC-8 (ISIC Rev.3-like) numbering: 업종 55 is lodging and
 * restaurants, 업종 72 computer services — not KSIC-11 55 and 72.
 *
 * <p>Lookup order: an {@code exact} 6-digit row from the NTS 업종코드–표준산업분류 연계표, else the
 * {@code approximate (2-digit)} row for the code's 중분류, which names the most likely KSIC-11 division for
 * that 중분류 (documented per row in {@code reference/industry/nts_ksic.csv}). {@code 999999} (workplaces
 * without a business registration number), blanks and unknown 중분류 have no division.
 */
public final class NtsIndustry {

    private static final String EXACT = "exact";
    private static final String APPROXIMATE = "approximate (2-digit)";
    private static final String PLACEHOLDER = "placeholder";

    private record Row(String code, String name, String division, String basis) {
    }

    private static final class Loaded {
        static final NtsIndustry INSTANCE = read();
    }

    private final Map<String, Row> sixDigit;
    private final Map<String, Row> twoDigit;

    private NtsIndustry(Map<String, Row> sixDigit, Map<String, Row> twoDigit) {
        this.sixDigit = sixDigit;
        this.twoDigit = twoDigit;
    }

    public static NtsIndustry load() {
        return Loaded.INSTANCE;
    }

    private static NtsIndustry read() {
        Map<String, Row> six = new LinkedHashMap<>();
        Map<String, Row> two = new LinkedHashMap<>();
        for (ReferenceCsv.Line l : ReferenceCsv.read("reference/industry/nts_ksic.csv")) {
            Row row = new Row(l.required("nts_code"), l.required("nts_name"), l.optionalText("ksic_division"),
                    l.required("basis"));
            boolean ok = switch (row.basis()) {
                case EXACT -> row.code().matches("\\d{6}") && row.division() != null;
                case PLACEHOLDER -> row.code().matches("\\d{6}") && row.division() == null;
                case APPROXIMATE -> row.code().matches("\\d{2}") && row.division() != null;
                default -> false;
            };
            if (!ok) {
                throw l.error("basis", "does not fit code " + row.code() + ": " + row.basis());
            }
            Map<String, Row> target = row.code().length() == 6 ? six : two;
            if (target.put(row.code(), row) != null) {
                throw l.error("nts_code", "repeats " + row.code());
            }
        }
        return new NtsIndustry(Map.copyOf(six), Map.copyOf(two));
    }

    /**
     * The KSIC-11 division (two digits) for an NTS 업종코드. Spaces are ignored and a 5-digit value gets
     * back the leading zero spreadsheets drop ({@code 11000} → {@code 011000}).
     */
    public Optional<String> ksicDivision(String ntsCode) {
        return row(ntsCode).map(Row::division);
    }

    /**
     * NTS codes a generator may write for a firm of {@code ksicDivision}: first the real codes of the
     * exact rows, then for each 중분류 whose fallback is this division a synthetic {@code XX0000} code (a
     * well-formed code that resolves through the 2-digit fallback; not a code NTS issues). Every returned
     * code maps back to {@code ksicDivision}. Empty for divisions no row leads to (e.g. 11, 21, 33).
     */
    public List<String> ntsCodesFor(String ksicDivision) {
        List<String> codes = new ArrayList<>();
        if (ksicDivision == null) {
            return codes;
        }
        String division = ksicDivision.trim();
        sixDigit.values().stream()
                .filter(r -> division.equals(r.division()))
                .map(Row::code).sorted().forEach(codes::add);
        twoDigit.values().stream()
                .filter(r -> division.equals(r.division()))
                .map(r -> r.code() + "0000")
                .filter(code -> !sixDigit.containsKey(code))
                .sorted().forEach(codes::add);
        return List.copyOf(codes);
    }

    /**
     * The name of the exact row, else the 2-digit 중분류 label followed by {@code (업종 중분류 XX)};
     * {@code null} when unknown.
     */
    public String name(String ntsCode) {
        String code = normalise(ntsCode);
        if (code == null) {
            return null;
        }
        Row exact = sixDigit.get(code);
        if (exact != null) {
            return exact.name();
        }
        Row group = twoDigit.get(code.substring(0, 2));
        return group == null ? null : group.name() + " (업종 중분류 " + group.code() + ")";
    }

    /** {@code true} when the code has its own row in the 연계표, {@code false} for a 2-digit fallback. */
    public boolean isExact(String ntsCode) {
        String code = normalise(ntsCode);
        return code != null && sixDigit.containsKey(code) && EXACT.equals(sixDigit.get(code).basis());
    }

    private Optional<Row> row(String ntsCode) {
        String code = normalise(ntsCode);
        if (code == null) {
            return Optional.empty();
        }
        Row exact = sixDigit.get(code);
        if (exact != null) {
            return exact.division() == null ? Optional.empty() : Optional.of(exact);
        }
        return Optional.ofNullable(twoDigit.get(code.substring(0, 2)));
    }

    private static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String code = raw.replace(" ", "").trim();
        if (code.matches("\\d{5}")) {
            code = "0" + code;
        }
        return code.matches("\\d{6}") ? code : null;
    }
}

package org.clusteratlas.datasets.region;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.clusteratlas.datasets.ReferenceCsv;

/**
 * Korean region codes since 2015: every 시도 and 시군구-level code with the periods it was in force, and
 * the code changes between them. Loaded once from {@code reference/regions/*.csv}.
 *
 * <p>"Current" means in force with no end date, i.e. after the latest change in the files (2026-07-01).
 * A <em>leaf</em> is a code that carries data on a date: a code in force that has no 일반구 in force under it.
 */
public final class RegionCatalog {

    /** The catalog covers codes in force at any time from this day on. */
    public static final LocalDate HORIZON = LocalDate.of(2015, 1, 1);

    private static final String DIR = "reference/regions/";

    /**
     * One old → new code pair. A split has several pairs with the same old code and day, a merge several
     * with the same new code and day.
     */
    public record CodeChange(String oldCode, String newCode, LocalDate effective, String description) {
    }

    private final Map<String, Sido> sido;
    private final Map<String, Sigungu> sigungu;
    private final Map<String, List<Validity>> periods;
    private final Map<String, List<Sigungu>> children;
    private final List<CodeChange> changes;
    private final CodeLineage lineage;
    private final LocalDate latestChange;

    private RegionCatalog(Map<String, Sido> sido, Map<String, Sigungu> sigungu,
                          Map<String, List<Validity>> periods, List<CodeChange> changes,
                          List<CodeLineage.Edge> edges) {
        this.sido = sido;
        this.sigungu = sigungu;
        this.periods = periods;
        this.changes = changes;
        this.lineage = new CodeLineage(edges);
        this.latestChange = changes.stream().map(CodeChange::effective).max(Comparator.naturalOrder()).orElse(HORIZON);
        Map<String, List<Sigungu>> byParent = new HashMap<>();
        for (Sigungu s : sigungu.values()) {
            if (s.parentCode() != null) {
                byParent.computeIfAbsent(s.parentCode(), k -> new ArrayList<>()).add(s);
            }
        }
        this.children = byParent;
    }

    private static final class Loaded {
        static final RegionCatalog INSTANCE = read();
    }

    /** The catalog from the classpath; read once, then shared (it is immutable). */
    public static RegionCatalog load() {
        return Loaded.INSTANCE;
    }

    private static RegionCatalog read() {
        Map<String, Sido> sido = new LinkedHashMap<>();
        for (ReferenceCsv.Line line : ReferenceCsv.read(DIR + "sido.csv")) {
            Sido s = new Sido(line.required("sido_code"), line.required("name"),
                    line.optionalDate("valid_from"), line.optionalDate("valid_to"));
            if (sido.put(s.code(), s) != null) {
                throw line.error("sido_code", "repeats " + s.code());
            }
        }

        Map<String, Sigungu> sigungu = new LinkedHashMap<>();
        Map<String, List<Validity>> periods = new HashMap<>();
        for (ReferenceCsv.Line line : ReferenceCsv.read(DIR + "sigungu.csv")) {
            String kind = line.required("kind");
            Sigungu s = new Sigungu(line.required("sigungu_code"), line.required("sido_code"), line.required("name"),
                    kind.equals("parent_city"), line.optionalText("parent_code"));
            if (!List.of("sigungu", "parent_city", "ilban_gu").contains(kind)) {
                throw line.error("kind", "is not sigungu/parent_city/ilban_gu: " + kind);
            }
            if (!sido.containsKey(s.sidoCode()) || !s.code().startsWith(s.sidoCode())) {
                throw line.error("sido_code", "does not fit " + s.code());
            }
            Sigungu earlier = sigungu.putIfAbsent(s.code(), s);
            if (earlier != null && !earlier.equals(s)) {
                // a code with two periods (부천 구) must describe the same unit both times
                throw line.error("sigungu_code", "repeats " + s.code() + " with different attributes");
            }
            periods.computeIfAbsent(s.code(), k -> new ArrayList<>())
                    .add(new Validity(line.optionalDate("valid_from"), line.optionalDate("valid_to")));
        }

        List<CodeChange> changes = new ArrayList<>();
        List<CodeLineage.Edge> edges = new ArrayList<>();
        for (ReferenceCsv.Line line : ReferenceCsv.read(DIR + "region_code_changes.csv")) {
            String oldCode = line.required("old_code");
            String newCode = line.required("new_code");
            LocalDate effective = line.optionalDate("effective_date");
            if (effective == null || !sigungu.containsKey(oldCode) || !sigungu.containsKey(newCode)) {
                throw line.error("old_code", "refers to a code or date missing from sigungu.csv");
            }
            changes.add(new CodeChange(oldCode, newCode, effective, line.required("description")));
            edges.add(new CodeLineage.Edge(oldCode, newCode, effective, line.fraction("weight"), line.flag("primary")));
        }
        changes.sort(Comparator.comparing(CodeChange::effective));
        periods.values().forEach(list -> list.sort(Comparator.comparing(Validity::from,
                Comparator.nullsFirst(Comparator.naturalOrder()))));
        return new RegionCatalog(Collections.unmodifiableMap(sido), Collections.unmodifiableMap(sigungu),
                Collections.unmodifiableMap(periods), List.copyOf(changes), edges);
    }

    /** Every 시도 code in force at any time since {@link #HORIZON} (20, including retired ones). */
    public List<Sido> sido() {
        return List.copyOf(sido.values());
    }

    /** The 시도 in force today (16 since 2026-07-01). */
    public List<Sido> currentSido() {
        return sido.values().stream().filter(Sido::isCurrent).collect(Collectors.toUnmodifiableList());
    }

    public Optional<Sido> sido(String code) {
        return Optional.ofNullable(code == null ? null : sido.get(code.trim()));
    }

    /** Every 시군구-level code in the catalog, current and retired, each once. */
    public List<Sigungu> allSigungu() {
        return List.copyOf(sigungu.values());
    }

    /** Codes in force today, parent cities included (269). */
    public List<Sigungu> currentSigungu() {
        return sigungu.values().stream().filter(s -> isCurrent(s.code())).collect(Collectors.toUnmodifiableList());
    }

    /** Codes that carry data today (256): current codes without current 일반구. */
    public List<Sigungu> leafSigungu() {
        return currentSigungu().stream()
                .filter(s -> childrenOf(s.code()).stream().noneMatch(c -> isCurrent(c.code())))
                .collect(Collectors.toUnmodifiableList());
    }

    /** Codes in force on {@code date}, parent cities included. */
    public List<Sigungu> sigunguOn(LocalDate date) {
        return sigungu.values().stream().filter(s -> inForce(s.code(), date)).collect(Collectors.toUnmodifiableList());
    }

    /** Codes that carried data on {@code date}. */
    public List<Sigungu> leafSigunguOn(LocalDate date) {
        return sigungu.values().stream().filter(s -> isLeaf(s.code(), date)).collect(Collectors.toUnmodifiableList());
    }

    public Optional<Sigungu> sigungu(String code) {
        return Optional.ofNullable(code == null ? null : sigungu.get(code.trim()));
    }

    /** Whether {@code code} (a 시군구-level code) was in force on {@code date}. */
    public boolean inForce(String code, LocalDate date) {
        List<Validity> list = periods.get(code);
        return list != null && list.stream().anyMatch(v -> v.contains(date));
    }

    /** In force on {@code date} and without any 일반구 in force under it that day. */
    public boolean isLeaf(String code, LocalDate date) {
        return inForce(code, date) && childrenOn(code, date).isEmpty();
    }

    /** All code changes since {@link #HORIZON}, by effective date. */
    public List<CodeChange> changes() {
        return changes;
    }

    /** The effective date of the latest change; the default harmonisation vintage. */
    public LocalDate latestChange() {
        return latestChange;
    }

    /**
     * The Korean name of a 시도 (2 digits) or 시군구-level (5 digits) code, current or retired:
     * {@code 42110 → 춘천시}, {@code 29110 → 동구}, {@code 42 → 강원도}. The 시군구 name is the name within
     * its 시도 (several 시도 have a 동구); use {@link #fullNameOf} for an unambiguous label.
     * {@code null} for an unknown code.
     */
    public String nameOf(String code) {
        if (code == null) {
            return null;
        }
        String c = code.trim();
        Sido s = sido.get(c);
        if (s != null) {
            return s.name();
        }
        Sigungu g = sigungu.get(c);
        return g == null ? null : g.name();
    }

    /**
     * 시도 name + 시군구 name, e.g. {@code 29110 → 광주광역시 동구}, {@code 42110 → 강원도 춘천시}
     * (the 시도 the code belonged to). {@code null} for an unknown code.
     */
    public String fullNameOf(String code) {
        Optional<Sigungu> g = sigungu(code);
        if (g.isEmpty()) {
            return nameOf(code);
        }
        String sidoName = sido.get(g.get().sidoCode()).name();
        return sidoName.equals(g.get().name()) ? sidoName : sidoName + " " + g.get().name();
    }

    /**
     * The code that the area of {@code currentCode} carried on {@code date} — the code a record dated
     * {@code date} would show: {@code 51110} on 2020-05-01 → {@code 42110}; {@code 41591} on 2025-06-01 →
     * {@code 41590}; {@code 41192} on 2020-01-01 → {@code 41190} and on 2015-01-01 → {@code 41192}.
     * Where the area came from several codes (제물포구 28125 ← 중구 28110 + 동구 28140) one of them is
     * returned: a predecessor whose primary successor is this code, the lowest such code on a tie. For
     * the weighted list use {@code RegionVintage.asOf(date).map(currentCode, today)}.
     *
     * @throws IllegalArgumentException if {@code currentCode} is not a current code
     */
    public String codeInForce(String currentCode, LocalDate date) {
        Objects.requireNonNull(date, "date");
        String code = currentCode == null ? "" : currentCode.trim();
        if (!isCurrent(code)) {
            throw new IllegalArgumentException("not a current 시군구 code: '" + currentCode + "'");
        }
        if (inForce(code, date)) {
            return code;
        }
        return lineage.walk(code, LocalDate.MAX, date).stream()
                .filter(RegionVintage.Share::primary).findFirst().orElseThrow().code();
    }

    // ---- package-private, for RegionVintage

    CodeLineage lineage() {
        return lineage;
    }

    boolean knows(String code) {
        return sigungu.containsKey(code);
    }

    List<Validity> periods(String code) {
        return periods.getOrDefault(code, List.of());
    }

    /** The 일반구 of {@code code} in force on {@code date}, by code. */
    List<Sigungu> childrenOn(String code, LocalDate date) {
        return childrenOf(code).stream().filter(c -> inForce(c.code(), date))
                .sorted(Comparator.comparing(Sigungu::code)).collect(Collectors.toList());
    }

    private List<Sigungu> childrenOf(String code) {
        return children.getOrDefault(code, List.of());
    }

    private boolean isCurrent(String code) {
        return periods(code).stream().anyMatch(v -> v.until() == null);
    }
}

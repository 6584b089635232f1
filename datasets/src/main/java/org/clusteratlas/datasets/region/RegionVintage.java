package org.clusteratlas.datasets.region;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Harmonises 시군구 codes to one vintage: any (code, reference date) → the leaf codes in force on the
 * vintage date, with area weights. Source records carry the code of their own date; time series are
 * compared on one vintage, by default the current one.
 *
 * <p>Rules, in order:
 * <ol>
 * <li><b>Reading date.</b> A record's code is read on its reference date. A code used after it was
 *     retired (a stale 42110 in 2025) is read on its last day in force; a code used before it existed
 *     (51110 on a 2020 record, re-coded by the source) on its first day.</li>
 * <li><b>Changes.</b> Follow the changes after the reading date up to the vintage (or back from the
 *     reading date to an earlier vintage). 1:1 renames and merges carry the full weight; area splits
 *     share it by the {@code weight} column of {@code region_code_changes.csv}; going backward, a merge
 *     is undone with equal weights. A split that re-creates exactly the codes of an earlier merge
 *     returns each code to itself (부천 2016 merge / 2024 re-split): the walk remembers the codes of
 *     the merge it came through and compares them with the split's codes.</li>
 * <li><b>Parent cities.</b> A result that is a city with 일반구 in force on the vintage (a record that only
 *     knew "전주시", or 화성시 41590 after 2026-02-01) is spread equally over those 일반구; the lowest code
 *     is primary.</li>
 * </ol>
 *
 * <p><b>Split weights and primary.</b> The reference files give no population or firm shares for the
 * split areas, so every area split is an equal split (1/2, 1/3, 1/4), and exactly one successor per split
 * is primary: the one that keeps the old name or the old office's seat — 서구 → 서해구 (서구 renamed),
 * 중구 → 제물포구 (former 중구청), 부천시 → 원미구 (시청), 화성시 → 만세구 (시청). Weights of all shares
 * sum to 1 and exactly one share is primary; {@link #primaryCode} is for joins that need one code.
 */
public final class RegionVintage {

    /** One harmonised code with its share of the source code's area. */
    public record Share(String code, double weight, boolean primary) {
    }

    /**
     * One row of the Spark-side crosswalk: a record with {@code sourceCode} dated in
     * {@code [validFrom, validUntil)} maps to {@code targetCode} with {@code weight}.
     *
     * @param validFrom  inclusive; {@link #OPEN_START} for "no lower bound"
     * @param validUntil exclusive; {@code null} for "no upper bound"
     */
    public record CrosswalkRow(String sourceCode, LocalDate validFrom, LocalDate validUntil, String targetCode,
                               double weight, boolean primary) {

        /** Stands for "since ever" so that a join never needs a null check on the lower bound. */
        public static final LocalDate OPEN_START = LocalDate.of(1900, 1, 1);

        public boolean covers(LocalDate date) {
            return !date.isBefore(validFrom) && (validUntil == null || date.isBefore(validUntil));
        }
    }

    private static final class Current {
        static final RegionVintage INSTANCE = new RegionVintage(RegionCatalog.load(), RegionCatalog.load().latestChange());
    }

    private final RegionCatalog catalog;
    private final LocalDate vintage;

    private RegionVintage(RegionCatalog catalog, LocalDate vintage) {
        this.catalog = catalog;
        this.vintage = vintage;
    }

    /** The current vintage: the state after the latest change in the catalog (2026-07-01). */
    public static RegionVintage current() {
        return Current.INSTANCE;
    }

    /** The codes in force on {@code vintage}. */
    public static RegionVintage asOf(LocalDate vintage) {
        return new RegionVintage(RegionCatalog.load(), Objects.requireNonNull(vintage, "vintage"));
    }

    public LocalDate vintage() {
        return vintage;
    }

    /**
     * The vintage codes that {@code code} on a record dated {@code referenceDate} stands for, primary
     * first, then by code. Empty for a code the catalog does not know (including {@code null}/blank).
     */
    public List<Share> map(String code, LocalDate referenceDate) {
        Objects.requireNonNull(referenceDate, "referenceDate");
        String c = code == null ? "" : code.trim();
        if (!catalog.knows(c)) {
            return List.of();
        }
        LocalDate reading = readingDate(c, referenceDate);
        ShareTally tally = new ShareTally();
        for (Share s : catalog.lineage().walk(c, reading, vintage)) {
            List<Sigungu> parts = catalog.childrenOn(s.code(), vintage);
            if (parts.isEmpty()) {
                tally.add(s.code(), s.weight(), s.primary());
            } else {
                for (int i = 0; i < parts.size(); i++) {
                    tally.add(parts.get(i).code(), s.weight() / parts.size(), s.primary() && i == 0);
                }
            }
        }
        return tally.shares();
    }

    /** The primary vintage code for {@code code} on {@code referenceDate}; {@code null} for an unknown code. */
    public String primaryCode(String code, LocalDate referenceDate) {
        List<Share> shares = map(code, referenceDate);
        return shares.isEmpty() ? null : shares.get(0).code();
    }

    /**
     * The whole mapping as rows for a Spark join on {@code (code, date)}: for every code in the catalog,
     * consecutive date ranges that together cover all dates, each with the result of {@link #map}. A
     * code that never changed has one row to itself with weight 1.
     */
    public List<CrosswalkRow> crosswalk() {
        TreeSet<LocalDate> cuts = new TreeSet<>();
        for (RegionCatalog.CodeChange change : catalog.changes()) {
            cuts.add(change.effective());
        }
        for (Sigungu s : catalog.allSigungu()) {
            for (Validity v : catalog.periods(s.code())) {
                if (v.from() != null) {
                    cuts.add(v.from());
                }
                if (v.until() != null) {
                    cuts.add(v.until());
                }
            }
        }
        List<CrosswalkRow> rows = new ArrayList<>();
        for (Sigungu s : catalog.allSigungu()) {
            LocalDate start = CrosswalkRow.OPEN_START;
            List<Share> shares = map(s.code(), start);
            for (LocalDate cut : cuts) {
                List<Share> next = map(s.code(), cut);
                if (!next.equals(shares)) {
                    emit(rows, s.code(), start, cut, shares);
                    start = cut;
                    shares = next;
                }
            }
            emit(rows, s.code(), start, null, shares);
        }
        return List.copyOf(rows);
    }

    private static void emit(List<CrosswalkRow> rows, String code, LocalDate from, LocalDate until, List<Share> shares) {
        for (Share share : shares) {
            rows.add(new CrosswalkRow(code, from, until, share.code(), share.weight(), share.primary()));
        }
    }

    /** Rule 1: the day on which a code is read (see the class comment). */
    private LocalDate readingDate(String code, LocalDate date) {
        List<Validity> periods = catalog.periods(code);
        if (periods.stream().anyMatch(v -> v.contains(date))) {
            return date;
        }
        LocalDate lastEndBefore = null;
        LocalDate firstStartAfter = null;
        for (Validity v : periods) {
            if (v.until() != null && !v.until().isAfter(date)
                    && (lastEndBefore == null || v.until().isAfter(lastEndBefore))) {
                lastEndBefore = v.until();
            }
            if (v.from() != null && v.from().isAfter(date)
                    && (firstStartAfter == null || v.from().isBefore(firstStartAfter))) {
                firstStartAfter = v.from();
            }
        }
        // prefer "stale" over "premature": outdated codes in late records are far more common
        if (lastEndBefore != null) {
            return lastEndBefore.minusDays(1);
        }
        return firstStartAfter != null ? firstStartAfter : date;
    }
}

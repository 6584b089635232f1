package org.clusteratlas.datasets.tech;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.clusteratlas.datasets.ReferenceCsv;

/**
 * IPC → WIPO technology field (Schmoch 2008, 35 fields in 5 sectors), from
 * {@code reference/tech/ipc_wipo35.csv}. The table is keyed by IPC subclass; where a subclass is split
 * between fields it also has rows for single main groups ({@code G01N 33} → 11 while the rest of G01N →
 * 10). Lookups try subclass + main group first, then the subclass alone.
 *
 * <p>A few subclasses created after Schmoch's table (G06V, G16B, G16C, H10B, H10K, H10N, H04N 23/25) are
 * mapped to the field of the code they were split from, marked {@code basis = extension}. A62C and A62D
 * are both field 24; see {@code reference/tech/README.md}.
 */
public final class IpcConcordance {

    /**
     * One concordance row, ready for a broadcast join.
     *
     * @param subclass  four characters, e.g. {@code G01N}
     * @param mainGroup the main group without leading zeros ({@code "33"}), or {@code null} for the
     *                  subclass-wide row
     * @param fieldId   1..35
     */
    public record Row(String subclass, String mainGroup, int fieldId) {
    }

    // section letter, two-digit class, subclass letter, then an optional main group: "H01L 21/02",
    // "H01L21/02", "A61K   8" (PATSTAT spacing) or the 14-character "H01L0021020000"
    private static final Pattern SYMBOL = Pattern.compile("([A-H]\\d{2}[A-Z])\\s*(\\d{1,4})?(?:\\s*/\\s*\\d+|\\d{6})?.*");

    private static final class Loaded {
        static final IpcConcordance INSTANCE = read();
    }

    private final List<TechField> fields;
    private final List<Row> rows;
    private final Map<String, TechField> bySubclass = new HashMap<>();
    private final Map<String, TechField> byMainGroup = new HashMap<>();

    private IpcConcordance(List<TechField> fields, List<Row> rows) {
        this.fields = fields;
        this.rows = rows;
        for (Row r : rows) {
            TechField field = fields.get(r.fieldId() - 1);
            if (r.mainGroup() == null) {
                bySubclass.put(r.subclass(), field);
            } else {
                byMainGroup.put(r.subclass() + " " + r.mainGroup(), field);
            }
        }
    }

    public static IpcConcordance load() {
        return Loaded.INSTANCE;
    }

    private static IpcConcordance read() {
        Map<Integer, TechField> fields = new LinkedHashMap<>();
        for (ReferenceCsv.Line l : ReferenceCsv.read("reference/tech/wipo_fields.csv")) {
            TechField f = new TechField(l.integer("field_id"), l.required("name"), l.required("sector_name"));
            if (f.id() != fields.size() + 1) {
                throw l.error("field_id", "must run 1, 2, 3, ... in order");
            }
            fields.put(f.id(), f);
        }
        List<ReferenceCsv.Line> lines = ReferenceCsv.read("reference/tech/ipc_wipo35.csv");
        Map<String, Row> rows = new LinkedHashMap<>();
        for (ReferenceCsv.Line l : lines) {
            Row row = new Row(l.required("subclass"), l.optionalText("main_group"), l.integer("field_id"));
            if (!fields.containsKey(row.fieldId())) {
                throw l.error("field_id", "is not a field: " + row.fieldId());
            }
            if (!row.subclass().matches("[A-H]\\d{2}[A-Z]")
                    || (row.mainGroup() != null && !row.mainGroup().matches("[1-9]\\d{0,3}"))) {
                throw l.error("subclass", "is not an IPC subclass / main group: " + row);
            }
            if (rows.put(row.subclass() + " " + row.mainGroup(), row) != null) {
                throw l.error("subclass", "repeats " + row.subclass() + " " + row.mainGroup());
            }
        }
        return new IpcConcordance(List.copyOf(fields.values()), List.copyOf(rows.values()));
    }

    /** The 35 fields, by id. */
    public List<TechField> fields() {
        return fields;
    }

    /** The field with this id (1..35). */
    public TechField field(int id) {
        if (id < 1 || id > fields.size()) {
            throw new IllegalArgumentException("no WIPO field " + id);
        }
        return fields.get(id - 1);
    }

    /** The five sector names, in order. */
    public List<String> sectors() {
        return fields.stream().map(TechField::sector).distinct().toList();
    }

    /**
     * The field of an IPC symbol as patent records write it: {@code H01L 21/02}, {@code H01L21/02},
     * {@code H01L 21/02 (2006.01)}, {@code G01N 33/53}, lower case, or a bare subclass. Empty for a
     * symbol that is not IPC or whose subclass the table does not cover (e.g. H04N without a main group).
     */
    public Optional<TechField> fieldOf(String ipc) {
        if (ipc == null) {
            return Optional.empty();
        }
        Matcher m = SYMBOL.matcher(ipc.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        String subclass = m.group(1);
        if (m.group(2) != null) {
            TechField byGroup = byMainGroup.get(subclass + " " + Integer.parseInt(m.group(2)));
            if (byGroup != null) {
                return Optional.of(byGroup);
            }
        }
        return Optional.ofNullable(bySubclass.get(subclass));
    }

    /** All rows: subclass-wide rows (main group {@code null}) and main-group rows. */
    public List<Row> rows() {
        return rows;
    }
}

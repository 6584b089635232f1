package org.clusteratlas.jobs.clusters;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clusteratlas.datasets.industry.SixT;

/**
 * Which clusters a unit (workplace, firm, patent party, R&D participation) belongs to. KSIC-division
 * clusters take the first two digits of the unit's KSIC code; a custom cluster takes every unit whose
 * KSIC code starts with one of its KSIC prefixes, or whose IPC symbols / R&D classes match its lists.
 * A unit matching several codes of one cluster belongs to it once; custom clusters may overlap.
 */
public final class ClusterMembership {
  public static final String KSIC_DIVISION = "ksic_division";
  public static final String TECH_FIELD = "tech_field";
  public static final String CUSTOM = "custom";

  private static final StructType DEFINITION = new StructType()
      .add("cluster_id", DataTypes.StringType)
      .add("ksic_prefixes", DataTypes.createArrayType(DataTypes.StringType))
      .add("ipc_prefixes", DataTypes.createArrayType(DataTypes.StringType))
      .add("ipc_exact", DataTypes.createArrayType(DataTypes.StringType))
      .add("six_t", DataTypes.createArrayType(DataTypes.StringType))
      .add("st_class", DataTypes.createArrayType(DataTypes.StringType));

  private final Dataset<Row> definitions;

  ClusterMembership(SparkSession spark, CustomClusters custom) {
    List<Row> rows = new ArrayList<>();
    for (String id : custom.clusterIds()) {
      List<String> ksic = codes(custom, id, CustomClusters.CodeKind.KSIC);
      List<String> ipcPrefixes = new ArrayList<>();
      List<String> ipcExact = new ArrayList<>();
      for (String ipc : codes(custom, id, CustomClusters.CodeKind.IPC)) {
        // a main group without subgroup (H01M10) must not take H01M100: match it exactly or before a '/'
        if (ipc.length() > 4 && !ipc.contains("/")) {
          ipcPrefixes.add(ipc + "/");
          ipcExact.add(ipc);
        } else {
          ipcPrefixes.add(ipc);
        }
      }
      rows.add(RowFactory.create(id, ksic, ipcPrefixes, ipcExact, codes(custom, id, CustomClusters.CodeKind.SIX_T),
          codes(custom, id, CustomClusters.CodeKind.ST_CLASS)));
    }
    this.definitions = spark.createDataFrame(rows, DEFINITION);
  }

  private static List<String> codes(CustomClusters custom, String id, CustomClusters.CodeKind kind) {
    return custom.codes().stream().filter(c -> c.clusterId().equals(id) && c.kind() == kind)
        .map(CustomClusters.Code::code).distinct().toList();
  }

  /** A KSIC code as 2–5 digits (a leading section letter dropped), or null. */
  static Column ksicDigits(Column ksic) {
    Column digits = regexp_extract(trim(ksic), "^[A-U]?(\\d{2,5})$", 1);
    return when(digits.notEqual(lit("")), digits);
  }

  /** IPC symbols as the matcher compares them: upper case, no spaces, no version suffix. */
  static Column normalisedIpc(Column ipcArray) {
    return transform(ipcArray, s -> regexp_replace(upper(s), "\\(.*\\)|\\s+", ""));
  }

  /** The 6T code 01..07 of an NTIS value (two-digit code, one digit, or label). */
  static Column sixTCode(Column value) {
    List<Column> pairs = new ArrayList<>();
    for (SixT t : SixT.values()) {
      pairs.add(lit(t.name()));
      pairs.add(lit(t.ntisCode()));
      pairs.add(lit(t.nameKo()));
      pairs.add(lit(t.ntisCode()));
    }
    Column v = upper(trim(value));
    return when(v.rlike("^\\d$"), concat(lit("0"), v))
        .when(v.rlike("^\\d{2}"), substring(v, 1, 2))
        .otherwise(element_at(map(pairs.toArray(Column[]::new)), v));
  }

  /** Units with {@code cluster_kind = ksic_division} and {@code cluster_id} = the first two digits. */
  static Dataset<Row> byDivision(Dataset<Row> units, Column ksic) {
    Column digits = ksicDigits(ksic);
    return units.withColumn("cluster_kind", lit(KSIC_DIVISION))
        .withColumn("cluster_id", substring(digits, 1, 2))
        .filter(col("cluster_id").isNotNull());
  }

  /**
   * Units with {@code cluster_kind = custom} and the id of every custom cluster they match. Any of the
   * match columns may be {@code lit(null)} when the unit does not carry that classification. The
   * definitions are matched against the distinct classification tuples only (a few thousand KSIC codes
   * rather than millions of workplaces), then joined back.
   */
  Dataset<Row> custom(Dataset<Row> units, Column ksic, Column ipc, Column sixT, Column stLarge, Column stMedium) {
    List<String> keys = List.of("_m_ksic", "_m_ipc", "_m_six_t", "_m_st_large", "_m_st_medium");
    Dataset<Row> keyed = units.withColumn("_m_ksic", ksicDigits(ksic))
        .withColumn("_m_ipc", normalisedIpc(ipc))
        .withColumn("_m_six_t", sixTCode(sixT))
        .withColumn("_m_st_large", upper(trim(stLarge)))
        .withColumn("_m_st_medium", upper(trim(stMedium)));
    Column ksicMatch = exists(col("_def.ksic_prefixes"), p -> col("_m_ksic").startsWith(p));
    Column ipcMatch = exists(col("_m_ipc"), s -> exists(col("_def.ipc_prefixes"), p -> s.startsWith(p))
        .or(array_contains(col("_def.ipc_exact"), s)));
    Column sixTMatch = array_contains(col("_def.six_t"), col("_m_six_t"));
    Column stMatch = exists(col("_def.st_class"),
        p -> col("_m_st_medium").startsWith(p).or(col("_m_st_large").startsWith(p)));
    Column any = coalesce(ksicMatch, lit(false)).or(coalesce(ipcMatch, lit(false)))
        .or(coalesce(sixTMatch, lit(false))).or(coalesce(stMatch, lit(false)));
    Dataset<Row> defs = definitions.select(col("cluster_id"),
        org.apache.spark.sql.functions.struct(col("*")).as("_def"));
    Dataset<Row> matches = keyed.select(keys.stream().map(k -> col(k)).toArray(Column[]::new)).distinct()
        .crossJoin(broadcast(defs))
        .filter(any)
        // renamed so the join back is not a self-join on the same attributes
        .select(Stream.concat(keys.stream().map(k -> col(k).as(k + "_d")), Stream.of(col("cluster_id")))
            .toArray(Column[]::new));
    Column same = lit(true);
    for (String k : keys) {
      same = same.and(col(k).eqNullSafe(col(k + "_d")));
    }
    Dataset<Row> joined = keyed.join(matches, same);
    for (String k : keys) {
      joined = joined.drop(k, k + "_d");
    }
    return joined.withColumn("cluster_kind", lit(CUSTOM));
  }
}

package org.clusteratlas.jobs.clusters;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clusteratlas.datasets.ReferenceCsv;
import org.clusteratlas.datasets.industry.SixT;
import org.clusteratlas.jobs.UserError;

/**
 * User-defined clusters: a versioned CSV that maps KSIC code prefixes, IPC prefixes and R&D
 * classifications (6T, 과학기술표준분류) to named clusters. One row per code:
 *
 * <pre>cluster_id,name_ko,name_en,code_kind,code,note
 * semiconductors,반도체,Semiconductors,ksic,261,반도체 제조업
 * semiconductors,반도체,Semiconductors,ipc,H01L,semiconductor devices</pre>
 *
 * The format is documented in {@code docs/custom-clusters.md}. The version that scores carry is the
 * file name plus a hash of its bytes, so an edited file never passes for the shipped one.
 */
public final class CustomClusters {
  /** The definitions shipped with the project. */
  public static final String DEFAULT_RESOURCE = "clusters/custom_clusters_v1.csv";

  public enum CodeKind { KSIC, IPC, SIX_T, ST_CLASS }

  /** One mapping row; {@code code} is normalised (IPC without spaces, 6T as its two-digit code). */
  public record Code(String clusterId, String nameKo, String nameEn, CodeKind kind, String code) {}

  private static final String[] COLUMNS = {"cluster_id", "name_ko", "name_en", "code_kind", "code"};
  private static final String IPC = "[A-H](\\d{2}([A-Z](\\d{1,4}(/\\d{1,6})?)?)?)?";

  private final List<Code> codes;
  private final String version;

  private CustomClusters(List<Code> codes, String version) {
    this.codes = List.copyOf(codes);
    this.version = version;
  }

  /** The shipped definitions. */
  public static CustomClusters defaults() {
    try (InputStream in = CustomClusters.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
      }
      return parse(in.readAllBytes(), "custom_clusters_v1.csv");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  /** A user's file ({@code --custom-clusters FILE}); {@code null} means the shipped definitions. */
  public static CustomClusters load(Path file) {
    if (file == null) {
      return defaults();
    }
    try {
      return parse(Files.readAllBytes(file), file.getFileName().toString());
    } catch (NoSuchFileException e) {
      throw new UserError("custom cluster file not found: " + file);
    } catch (IOException e) {
      throw new UserError("cannot read custom cluster file " + file + ": " + e.getMessage());
    }
  }

  /** Parses and checks the CSV; every problem is a one-line {@link UserError} naming file and line. */
  public static CustomClusters parse(byte[] bytes, String name) {
    List<ReferenceCsv.Line> lines;
    try {
      lines = ReferenceCsv.parse(new StringReader(new String(bytes, StandardCharsets.UTF_8)), name);
    } catch (IOException | IllegalStateException e) {
      throw new UserError("custom cluster file " + e.getMessage());
    }
    if (lines.isEmpty()) {
      throw new UserError("custom cluster file " + name + ": no clusters defined");
    }
    List<Code> codes = new ArrayList<>();
    Map<String, String[]> names = new LinkedHashMap<>();
    for (ReferenceCsv.Line line : lines) {
      try {
        for (String column : COLUMNS) {
          line.required(column);
        }
        String id = line.required("cluster_id");
        if (!id.matches("[a-z][a-z0-9_]{0,47}")) {
          throw line.error("cluster_id", "must be lower-case letters, digits and _ (got '" + id + "')");
        }
        String[] clusterNames = {line.required("name_ko"), line.required("name_en")};
        String[] earlier = names.putIfAbsent(id, clusterNames);
        if (earlier != null && !(earlier[0].equals(clusterNames[0]) && earlier[1].equals(clusterNames[1]))) {
          throw line.error("name_ko", "differs from the earlier rows of cluster '" + id + "'");
        }
        CodeKind kind = kind(line);
        codes.add(new Code(id, clusterNames[0], clusterNames[1], kind, normalise(line, kind)));
      } catch (IllegalStateException e) {
        throw new UserError("custom cluster file " + e.getMessage());
      }
    }
    return new CustomClusters(codes, name + "#" + sha256(bytes).substring(0, 8));
  }

  private static CodeKind kind(ReferenceCsv.Line line) {
    String v = line.required("code_kind").toLowerCase(Locale.ROOT);
    for (CodeKind k : CodeKind.values()) {
      if (k.name().toLowerCase(Locale.ROOT).equals(v)) {
        return k;
      }
    }
    throw line.error("code_kind", "must be ksic, ipc, six_t or st_class (got '" + v + "')");
  }

  private static String normalise(ReferenceCsv.Line line, CodeKind kind) {
    String raw = line.required("code");
    switch (kind) {
      case KSIC:
        if (!raw.matches("\\d{2,5}")) {
          throw line.error("code", "is not a KSIC code or prefix of 2 to 5 digits: '" + raw + "'");
        }
        return raw;
      case IPC: {
        String ipc = raw.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (!ipc.matches(IPC)) {
          throw line.error("code", "is not an IPC section/class/subclass/group prefix such as H01L or H01M10: '" + raw + "'");
        }
        return ipc;
      }
      case SIX_T:
        return SixT.parse(raw).map(SixT::ntisCode)
            .orElseThrow(() -> line.error("code", "is not a 6T code 01..07 or label (IT, BT, …): '" + raw + "'"));
      default:
        if (!raw.matches("[A-Za-z]{2}(\\d{2})?")) {
          throw line.error("code", "is not a 과학기술표준분류 code such as EE or EE08: '" + raw + "'");
        }
        return raw.toUpperCase(Locale.ROOT);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public List<Code> codes() {
    return codes;
  }

  /** File name and content hash, e.g. {@code custom_clusters_v1.csv#1a2b3c4d}. */
  public String version() {
    return version;
  }

  /** Distinct cluster ids in file order. */
  public List<String> clusterIds() {
    return codes.stream().map(Code::clusterId).distinct().toList();
  }

  /** (cluster_id, cluster_name): the English name, as the other kinds are named. */
  Dataset<Row> names(SparkSession spark) {
    Map<String, String> byId = new LinkedHashMap<>();
    codes.forEach(c -> byId.putIfAbsent(c.clusterId(), c.nameEn()));
    List<Row> rows = byId.entrySet().stream().map(e -> RowFactory.create(e.getKey(), e.getValue())).toList();
    return spark.createDataFrame(rows, new StructType().add("cluster_id", DataTypes.StringType)
        .add("cluster_name", DataTypes.StringType));
  }

  /** (cluster_id, code) for one kind of code. */
  Dataset<Row> codes(SparkSession spark, CodeKind kind) {
    List<Row> rows = codes.stream().filter(c -> c.kind() == kind)
        .map(c -> RowFactory.create(c.clusterId(), c.code())).distinct().toList();
    return spark.createDataFrame(rows, new StructType().add("cluster_id", DataTypes.StringType)
        .add("code", DataTypes.StringType));
  }
}

package org.clusteratlas.jobs.region;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clusteratlas.datasets.region.RegionCatalog;
import org.clusteratlas.datasets.region.RegionVintage;
import org.clusteratlas.datasets.region.Sido;
import org.clusteratlas.datasets.region.Sigungu;

/**
 * Region of a masked KIPRIS address ({@code 경기도 수원시 영통구...}, {@code 서울특별시 성북구...}): the text
 * before the mask is read as "시도 시군구" and looked up in a small broadcast table of every name a
 * 시군구 had since 2015 under every name of its 시도 — official (강원도 and 강원특별자치도, 전라북도,
 * 광주광역시, 전라남도, 전남광주통합특별시) and the usual short form (서울, 경기, 강원, …) — each mapped to
 * the primary code of the vintage. The longest match wins: {@code 경기도 수원시 영통구} before
 * {@code 경기도 수원시} before {@code 경기도}.
 *
 * <p>What is not resolved, and why:
 * <ul>
 * <li>foreign addresses ({@code 미국 …}, English text) and anything that does not start with a 시도 name:
 *     both codes stay null;</li>
 * <li>an address masked before the 시군구, or whose 시군구 is misspelt: only the sido is set;</li>
 * <li>a city with 일반구 written without the 구 ({@code 경기도 수원시...}) resolves, like everywhere in the
 *     project, to the primary (lowest) 일반구 of the vintage — a convention, not knowledge;</li>
 * <li>short forms other than the two-syllable ones (서울시, 제주도) and historical names from before 2015
 *     (e.g. 청원군) are not in the catalog.</li>
 * </ul>
 */
public final class AddressRegions {
  private AddressRegions() {}

  public static final StructType SCHEMA = new StructType()
      .add("address_key", DataTypes.StringType, false)
      .add("region_code", DataTypes.StringType, true)
      .add("sido_code", DataTypes.StringType, false);

  /** The two-syllable forms addresses use for each 시도 code (none is attested yet for 12). */
  private static final Map<String, String> SHORT = Map.ofEntries(
      Map.entry("11", "서울"), Map.entry("26", "부산"), Map.entry("27", "대구"), Map.entry("28", "인천"),
      Map.entry("29", "광주"), Map.entry("30", "대전"), Map.entry("31", "울산"), Map.entry("36", "세종"),
      Map.entry("41", "경기"), Map.entry("42", "강원"), Map.entry("43", "충북"), Map.entry("44", "충남"),
      Map.entry("45", "전북"), Map.entry("46", "전남"), Map.entry("47", "경북"), Map.entry("48", "경남"),
      Map.entry("50", "제주"), Map.entry("51", "강원"), Map.entry("52", "전북"));

  /** address text → [region_code or null, sido_code] for the vintage; current names are entered first. */
  static Map<String, String[]> entries(RegionVintage vintage) {
    RegionCatalog catalog = RegionCatalog.load();
    LocalDate on = vintage.vintage();
    Map<String, String[]> out = new LinkedHashMap<>();
    List<Sigungu> ordered = new ArrayList<>(catalog.sigunguOn(on));
    ordered.addAll(catalog.allSigungu());
    Map<String, Map<String, Integer>> sidoVotes = new HashMap<>();
    for (Sigungu g : ordered) {
      String target = vintage.primaryCode(g.code(), on);
      if (target == null) {
        continue;
      }
      sidoVotes.computeIfAbsent(g.sidoCode(), k -> new TreeMap<>()).merge(target.substring(0, 2), 1, Integer::sum);
      String sidoName = catalog.nameOf(g.sidoCode());
      for (String name : sidoNames(g.sidoCode(), sidoName)) {
        String key = g.name().equals(sidoName) ? name : name + " " + g.name();
        out.putIfAbsent(key, new String[] {target, target.substring(0, 2)});
      }
    }
    for (Sido s : catalog.sido()) {
      // a 시도 goes where most of its 시군구 went (경상북도 stays 47 although 군위군 moved to 대구)
      String target = s.inForceOn(on) ? s.code() : sidoVotes.get(s.code()).entrySet().stream()
          .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      for (String name : sidoNames(s.code(), s.name())) {
        out.putIfAbsent(name, new String[] {null, target});
      }
    }
    return out;
  }

  private static List<String> sidoNames(String code, String official) {
    String shortName = SHORT.get(code);
    return shortName == null ? List.of(official) : List.of(official, shortName);
  }

  /**
   * The city of a 시군구 code: the parent city's code for an 일반구 ({@code 41196 부천시 오정구 → 41190}),
   * the code itself otherwise. Two places in one city agree on it even where one address names the 구 and
   * the other does not (an address written {@code 경기도 부천시} resolves to the city's primary 구, and
   * 부천시 had no 구 from 2016 to 2023). Codes are not enough: 43740 영동군 and 43745 증평군 share four
   * digits without being one city.
   */
  public static Column cityOf(Column code) {
    List<Column> pairs = new ArrayList<>();
    for (Sigungu g : RegionCatalog.load().allSigungu()) {
      if (g.isIlbanGu()) {
        pairs.add(lit(g.code()));
        pairs.add(lit(g.parentCode()));
      }
    }
    return coalesce(try_element_at(map(pairs.toArray(new Column[0])), code), code);
  }

  /** The lookup for the current vintage, as a small frame to broadcast. */
  public static Dataset<Row> lookup(SparkSession spark) {
    return lookup(spark, RegionVintage.current());
  }

  public static Dataset<Row> lookup(SparkSession spark, RegionVintage vintage) {
    List<Row> rows = new ArrayList<>();
    entries(vintage).forEach((k, v) -> rows.add(RowFactory.create(k, v[0], v[1])));
    return spark.createDataFrame(rows, SCHEMA);
  }

  /**
   * Adds {@code regionOut} and {@code sidoOut} for the address in column {@code address}; both null when
   * the address is not resolved.
   */
  public static Dataset<Row> resolve(Dataset<Row> df, String address, Dataset<Row> lookup, String regionOut,
      String sidoOut) {
    Column unmasked = trim(regexp_replace(regexp_replace(col(address), "(\\.{2,}|…).*$", ""), "\\s+", " "));
    Column tokens = split(unmasked, " ");
    Dataset<Row> keyed = df
        .withColumn("_ar_k1", when(size(tokens).geq(1), tokens.getItem(0)))
        .withColumn("_ar_k2", when(size(tokens).geq(2), concat_ws(" ", slice(tokens, 1, 2))))
        .withColumn("_ar_k3", when(size(tokens).geq(3), concat_ws(" ", slice(tokens, 1, 3))));
    for (int level = 3; level >= 1; level--) {
      keyed = keyed.join(broadcast(lookup.select(col("address_key").as("_ar_k" + level),
          col("region_code").as("_ar_r" + level), col("sido_code").as("_ar_s" + level))),
          new String[] {"_ar_k" + level}, "left");
    }
    return keyed
        .withColumn(regionOut, coalesce(col("_ar_r3"), col("_ar_r2"), col("_ar_r1")))
        .withColumn(sidoOut, coalesce(col("_ar_s3"), col("_ar_s2"), col("_ar_s1")))
        .drop("_ar_k1", "_ar_k2", "_ar_k3", "_ar_r1", "_ar_r2", "_ar_r3", "_ar_s1", "_ar_s2", "_ar_s3");
  }
}

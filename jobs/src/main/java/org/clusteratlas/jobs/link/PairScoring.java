package org.clusteratlas.jobs.link;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.levenshtein;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log2;
import static org.apache.spark.sql.functions.named_struct;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.clusteratlas.jobs.region.AddressRegions;

/**
 * Candidate pairs (blocking) and their comparison vectors, as Spark expressions.
 *
 * <p>Blocking is a union of equi-join rules, so the pair count grows with the block sizes, not with
 * units × firms: exact name key, exact English key, BRN prefix (6 digits) + the first or the last letter
 * of the name key, and province + the first three letters of the name key + its length or its last
 * letter, or + the last three letters + the length + the first or the second letter (so a one-syllable
 * typo, an inserted or a dropped letter still meets its firm through another rule); the province rules
 * only for units that carry no bare BRN prefix. Each pair is kept
 * once however many rules produced it, and only when the firm existed in the years of the unit's records
 * ({@link #outsideLifetime}).
 *
 * <p>Comparisons (level 0 = disagreement; null = nothing to compare, weight 0): name (exact key; one
 * syllable apart and jamo edit distance ≤ 3; one key a prefix of the other; same first two letters), BRN (same first nine digits,
 * same six-digit prefix), region (same 법정동; same 시군구, or one city where one side names its 일반구 and the
 * other does not; same sido), industry (same KSIC division), legal form.
 */
public final class PairScoring {
  private PairScoring() {}

  public static final List<FellegiSunter.Comparison> COMPARISONS = List.of(
      new FellegiSunter.Comparison("name", List.of("else", "first_two", "prefix", "jamo_typo", "exact")),
      new FellegiSunter.Comparison("brn", List.of("differ", "prefix6", "first9")),
      new FellegiSunter.Comparison("region", List.of("differ", "sido", "sigungu", "dong")),
      new FellegiSunter.Comparison("industry", List.of("differ", "division")),
      new FellegiSunter.Comparison("legal_form", List.of("differ", "same")));

  public static final String[] GAMMAS = {"g_name", "g_brn", "g_region", "g_industry", "g_legal_form"};

  static final int NAME_EXACT = 4;

  /**
   * What {@link #score} and the candidates drawn from it read of a compared pair: the pair, the firm and
   * the place's BRN and region (shown to reviewers), the name's frequency, and the levels.
   */
  static final String[] SCORED_INPUT = Stream.concat(
      Stream.of("unit_id", "place_id", "crn", "p_brn", "p_region", "p_name_firms"), Arrays.stream(GAMMAS))
      .toArray(String[]::new);

  /** Candidate pairs: units × places joined by the blocking rules, each pair once. */
  public static Dataset<Row> block(Dataset<Row> units, Dataset<Row> places) {
    Dataset<Row> u = nameParts(units, "r_");
    Dataset<Row> p = nameParts(places, "p_");
    // every rule but the exact ones pairs a short, bounded key: a BRN prefix or a province alone holds
    // a share of all firms, so blocking on it makes the pair count grow with the square of the data
    // (measured: 55,975 NPS pairs at scale 0.01, 5.17 million at 0.1 before the name parts were added)
    // the same part of the name, BRN or region on both sides (r_<part> of the unit, p_<part> of the place)
    Function<String, Column> same = part -> u.col("r_" + part).equalTo(p.col("p_" + part));
    List<Column> rules = new ArrayList<>(List.of(
        same.apply("key"),
        u.col("r_key").equalTo(p.col("p_key_en")),
        same.apply("brn6").and(same.apply("k1")),
        same.apply("brn6").and(same.apply("l1"))));
    // a substituted letter keeps the length and leaves the first or the last three letters intact; a
    // letter inserted or dropped inside the name keeps the first three and the last. The last three
    // letters are often a trade word (인터내셔널, 트레이딩, 홀딩스) that a share of a province's firms end
    // with, so they go with the first or the second letter, one of which a substitution leaves intact
    // (NPS at scale 0.1: 1.37 million pairs from the last three letters and the length alone, 75 times
    // as many as at 0.01)
    List<Column> typoRules = List.of(
        same.apply("k3").and(same.apply("len")),
        same.apply("l3").and(same.apply("len")).and(same.apply("k1")),
        same.apply("l3").and(same.apply("len")).and(same.apply("k2")),
        same.apply("k3").and(same.apply("l1")));
    // a unit that carries a bare BRN prefix (NPS publishes six digits) meets a misspelt firm through the
    // prefix rules above, in a block of tens of firms; the province rules are for units without one, or
    // whose full BRN failed its check or named no registered place. Counted at scale 1.0, the province
    // rules gave 19.3 million of NPS's 25 million rule pairs, and not one NPS unit's best candidate was
    // reachable through them alone
    Column noBarePrefix = u.col("r_brn6").isNull().or(u.col("r_brn").isNotNull());
    for (Column typo : typoRules) {
      // within the province by its code, and by the address's text for records that carry no code
      rules.add(noBarePrefix.and(same.apply("sido")).and(typo));
      rules.add(noBarePrefix.and(same.apply("sido_text")).and(typo));
    }
    Dataset<Row> all = null;
    for (Column rule : rules) {
      Dataset<Row> pairs = u.join(p, rule).select(col("unit_id"), col("place_id"));
      all = all == null ? pairs : all.union(pairs);
    }
    return all.distinct()
        .join(units, "unit_id")
        .join(places, "place_id")
        .filter(not(outsideLifetime()));
  }

  /**
   * A firm cannot have filed, performed or been selected before it was founded or after it closed: a
   * unit whose records fall outside the firm's years (founding year after the unit's first record, or
   * closing year before its last) is not a candidate for it. Years, not days, so a record dated in the
   * founding year is kept whatever the registry's day says.
   */
  static Column outsideLifetime() {
    return coalesce(col("r_first_year").lt(col("p_founded_year")), lit(false))
        .or(coalesce(col("r_last_year").gt(col("p_closed_year")), lit(false)));
  }

  /**
   * First and last one and three letters, the second letter and the length of the name key
   * ({@code <side>key}).
   */
  private static Dataset<Row> nameParts(Dataset<Row> side, String prefix) {
    Column key = col(prefix + "key");
    Column len = length(key);
    return side.withColumn(prefix + "k1", when(len.geq(2), substring(key, 1, 1)))
        .withColumn(prefix + "l1", when(len.geq(2), org.apache.spark.sql.functions.expr("right(" + prefix + "key, 1)")))
        .withColumn(prefix + "k2", when(len.geq(3), substring(key, 2, 1)))
        .withColumn(prefix + "k3", when(len.geq(3), substring(key, 1, 3)))
        .withColumn(prefix + "l3", when(len.geq(3), org.apache.spark.sql.functions.expr("right(" + prefix + "key, 3)")))
        .withColumn(prefix + "len", len);
  }

  /**
   * {@code n} rows drawn at random by a salted hash of their id, so the same rows whatever the frame's
   * partitioning: {@code rand(seed)} draws per partition, and with it the trained parameters (and a few
   * links) changed with the number of shuffle partitions.
   */
  static Dataset<Row> sample(Dataset<Row> frame, String id, int salt, int n) {
    return frame.orderBy(org.apache.spark.sql.functions.xxhash64(col(id), lit(salt)), col(id)).limit(n);
  }

  /** Adds the comparison levels g_name … g_legal_form. */
  public static Dataset<Row> compare(Dataset<Row> pairs) {
    Column rKey = col("r_key");
    Column pKey = col("p_key");
    Column exact = rKey.equalTo(pKey).or(rKey.equalTo(col("p_key_en")));
    Column jamoDistance = levenshtein(col("r_jamo"), col("p_jamo"));
    // a typo is one syllable substituted, inserted or dropped, and a small one in letters (≤ 3 jamo, a
    // quarter of the name): 3 jamo spread over two syllables is another name (세원케미칼 / 가온케미칼)
    Column typo = levenshtein(rKey, pKey).leq(1)
        .and(jamoDistance.leq(3))
        .and(jamoDistance.leq(greatest(length(col("r_jamo")), length(col("p_jamo"))).multiply(0.25)))
        .or(levenshtein(rKey, col("p_key_en")).leq(2).and(length(rKey).geq(8)));
    Column prefix = least(length(rKey), length(pKey)).geq(2)
        .and(rKey.startsWith(pKey).or(pKey.startsWith(rKey)));
    Column firstTwo = substring(rKey, 1, 2).equalTo(substring(pKey, 1, 2));
    Column name = when(rKey.isNull(), lit(null)).when(exact, 4).when(typo, 3).when(prefix, 2).when(firstTwo, 1)
        .otherwise(0);

    Column brn = when(col("r_brn").isNull().and(col("r_brn6").isNull()), lit(null))
        .when(col("r_brn").isNotNull().and(substring(col("r_brn"), 1, 9).equalTo(substring(col("p_brn"), 1, 9))), 2)
        .when(col("r_brn6").equalTo(col("p_brn6")), 1)
        .otherwise(0);

    Column hasRegion = col("r_sido").isNotNull().or(col("r_sido_text").isNotNull());
    // one city where a side names it without its 구 (경기도 부천시… against 부천시 오정구): the code such an
    // address resolves to is the city's primary 구, a convention, so any 구 of the city agrees; two
    // different 구 of one city, both named, do not
    Column cityOnly = col("r_sigungu_text").rlike("^\\S+시$").or(col("p_sigungu_text").rlike("^\\S+시$"));
    Column sameCity = cityOnly.and(
        AddressRegions.cityOf(col("r_region")).equalTo(AddressRegions.cityOf(col("p_region"))));
    Column region = when(hasRegion.unary_$bang(), lit(null))
        .when(col("r_dong").equalTo(col("p_dong")), 3)
        .when(col("r_region").equalTo(col("p_region")).or(col("r_sigungu_text").equalTo(col("p_sigungu_text")))
            .or(sameCity), 2)
        .when(col("r_sido").equalTo(col("p_sido")).or(col("r_sido_text").equalTo(col("p_sido_text"))), 1)
        .otherwise(0);

    Column industry = when(col("r_ksic").isNull().or(col("p_ksic").isNull()), lit(null))
        .when(col("r_ksic").equalTo(col("p_ksic")), 1).otherwise(0);
    Column form = when(col("r_form").isNull().or(col("p_form").isNull()), lit(null))
        .when(col("r_form").equalTo(col("p_form")), 1).otherwise(0);
    return pairs.withColumn("g_name", name.cast("int"))
        .withColumn("g_brn", brn.cast("int"))
        .withColumn("g_region", region.cast("int"))
        .withColumn("g_industry", industry.cast("int"))
        .withColumn("g_legal_form", form.cast("int"));
  }

  /**
   * Adds match_weight, match_probability and the evidence JSON (level and weight of every comparison, the
   * term-frequency adjustment and the prior). The prior is the model's λ, the match share among blocked
   * pairs, since only blocked pairs are scored. The exact-name level is term-frequency adjusted as in
   * Splink, + log2(u_exact) − log2(tf), with u_exact the exact-name share among random pairs; tf counts the
   * <em>other</em> firms with the name, (firms − 1 + pseudo) / all firms: in a hub linkage it is the chance
   * that a record of some other firm shows this exact name, so a name no other firm carries is strong
   * evidence and a name five firms share is weak.
   *
   * @param randomExactU share of random unit × firm pairs with the same name key
   */
  public static Dataset<Row> score(Dataset<Row> compared, FellegiSunter model, FellegiSunter.Params p,
      double randomExactU, long firms, double tfPseudo) {
    double priorWeight = FellegiSunter.log2(p.lambda() / (1 - p.lambda()));
    Column tf = col("p_name_firms").minus(1).plus(tfPseudo).divide((double) Math.max(2, firms));
    Column tfAdj = when(col("g_name").equalTo(NAME_EXACT), lit(FellegiSunter.log2(randomExactU)).minus(log2(tf)))
        .otherwise(lit(0.0));
    Column weight = lit(priorWeight).plus(tfAdj);
    List<Column> evidence = new ArrayList<>();
    for (int c = 0; c < GAMMAS.length; c++) {
      Column w = model.weightColumn(p, c, col(GAMMAS[c]));
      weight = weight.plus(w);
      evidence.add(lit(model.comparisons().get(c).name()));
      evidence.add(named_struct(lit("level"), model.labelColumn(c, col(GAMMAS[c])), lit("weight"), round(w, 2)));
    }
    evidence.add(lit("tf_adjustment"));
    evidence.add(round(tfAdj, 2));
    evidence.add(lit("prior"));
    evidence.add(lit(Math.round(priorWeight * 100) / 100.0));
    Dataset<Row> scored = compared.withColumn("match_weight", weight)
        .withColumn("evidence", to_json(named_struct(evidence.toArray(new Column[0]))));
    return scored.withColumn("match_probability",
        lit(1.0).divide(lit(1.0).plus(org.apache.spark.sql.functions.pow(lit(2.0), col("match_weight").multiply(-1)))));
  }

  /**
   * Replaces each candidate's pairwise probability by its probability among the unit's candidates: a
   * unit's record belongs to one firm at most, so with o_j = 2^weight_j (the pairwise posterior odds of
   * firm j) the chance that it is firm j is o_j / (Σ_k o_k + κ), the sum over the unit's candidate firms
   * and κ the odds that its firm is none of them. The pairwise figure o_j / (o_j + 1) prices every other
   * firm at its average chance; here the other firms with the same name were compared and their
   * addresses seen, so a common name found once in the record's 시군구 is a confident link, and three
   * same-named firms in one 시군구 give a third each.
   *
   * @param candidates one row per (unit_id, firm) with {@code match_weight}
   * @param unlistedOdds κ, the odds of "none of these candidates"
   */
  public static Dataset<Row> normalise(Dataset<Row> candidates, double unlistedOdds) {
    Column odds = org.apache.spark.sql.functions.pow(lit(2.0), col("match_weight"));
    Column all = org.apache.spark.sql.functions.sum(odds).over(
        org.apache.spark.sql.expressions.Window.partitionBy("unit_id"));
    return candidates.withColumn("match_probability", odds.divide(all.plus(unlistedOdds)));
  }
}

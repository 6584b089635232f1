package org.clusteratlas.jobs.link;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.mode;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.translate;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.clusteratlas.jobs.region.AddressRegions;

/**
 * Bronze source rows as linkable units. A unit is what one decision is made for: an NTIS or roster row,
 * an NPS workplace (all monthly rows of one workplace), a KIPRIS applicant code (all patents of one
 * applicant). Each source record ({@code source_file, row_number, position}) maps to exactly one unit.
 * Pure transforms; unit ids are deterministic functions of the bronze rows, so any run can recompute them.
 */
public final class SourceUnits {
  private SourceUnits() {}

  /** Records (one per entity_link row) and the units they belong to. */
  public record Prepared(Dataset<Row> records, Dataset<Row> units) {}

  /** What regex {@code \s} matches: removed from NPS names to form a workplace's unit id. */
  static final String WHITESPACE = " \t\n\u000B\f\r";

  static final String[] UNIT_COLUMNS = {"source", "unit_id", "r_name", "r_key", "r_jamo", "r_form", "r_brn",
      "r_brn6", "r_region", "r_sido", "r_sido_text", "r_sigungu_text", "r_dong", "r_ksic", "r_first_year",
      "r_last_year", "org_kind",
      "unit_records", "first_file", "first_row", "first_position"};

  private static Column digits(Column raw) {
    Column d = regexp_replace(raw, "[^0-9]", "");
    return when(length(d).gt(0), d);
  }

  private static Dataset<Row> records(Dataset<Row> rows, String source, Column position, Column unitId,
      Column orgKind, Column exactBrn) {
    return rows.select(lit(source).as("source"), col("source_file"), col("row_number"),
        position.cast(DataTypes.IntegerType).as("position"), unitId.as("unit_id"), orgKind.as("org_kind"),
        exactBrn.as("exact_brn"));
  }

  /** Units of one row each (NTIS, rosters): name, BRN (as written) and region of the row. */
  private static Dataset<Row> rowUnits(Dataset<Row> rows, String source, Column name, Column brnDigits,
      Column region, Column sido, Column sidoText, Column sigunguText, Column year, Column orgKind) {
    Dataset<Row> u = rows.select(lit(source).as("source"), unitId(source).as("unit_id"), name.as("r_name"),
        year.cast(DataTypes.IntegerType).as("r_first_year"), year.cast(DataTypes.IntegerType).as("r_last_year"),
        brnDigits.as("r_digits"), region.as("r_region"), sido.as("r_sido"), sidoText.as("r_sido_text"),
        sigunguText.as("r_sigungu_text"), orgKind.as("org_kind"), col("source_file").as("first_file"),
        col("row_number").as("first_row"));
    return u.withColumn("r_key", NameColumns.key(col("r_name")))
        .withColumn("r_form", NameColumns.legalForm(col("r_name")))
        .withColumn("r_jamo", NameColumns.jamo(col("r_key")))
        .withColumn("r_brn", when(length(col("r_digits")).equalTo(10), col("r_digits")))
        .withColumn("r_brn6", when(length(col("r_digits")).geq(6), substring(col("r_digits"), 1, 6)))
        .withColumn("r_dong", lit(null).cast(DataTypes.StringType))
        .withColumn("r_ksic", lit(null).cast(DataTypes.StringType))
        .withColumn("unit_records", lit(1L))
        .withColumn("first_position", lit(1))
        .select(cols(UNIT_COLUMNS));
  }

  private static Column unitId(String source) {
    return concat_ws(":", lit(source), col("source_file"), col("row_number").cast(DataTypes.StringType));
  }

  static Column[] cols(String... names) {
    Column[] c = new Column[names.length];
    for (int i = 0; i < names.length; i++) {
      c[i] = col(names[i]);
    }
    return c;
  }

  /** NTIS: one unit per performer row; performer type and BRN type mark universities and institutes. */
  public static Prepared ntis(Dataset<Row> ntis) {
    Dataset<Row> rows = ntis.withColumn("digits", digits(col("brn_raw")))
        .withColumn("kind", NameColumns.ntisKind(col("org_type"), col("digits"), col("org_name")))
        .withColumn("name_key", NameColumns.key(col("org_name")));
    Dataset<Row> records = records(rows, "ntis", lit(1), unitId("ntis"), col("kind"), col("brn"));
    // a performer reports its BRN on some projects and not on others: a row without a usable one is
    // compared with the single valid BRN its name carries elsewhere in NTIS in the same sido (it is not
    // linked by it outright: two firms of one name may share a sido, and only the model weighs that)
    Dataset<Row> reported = rows.filter(col("brn").isNotNull().and(col("name_key").isNotNull()))
        .groupBy("name_key", "sido_code").agg(collect_set(col("brn")).as("brns"))
        .filter(size(col("brns")).equalTo(1))
        .select(col("name_key"), col("sido_code"), col("brns").getItem(0).as("reported_brn"));
    Dataset<Row> withReported = rows.join(reported, new String[] {"name_key", "sido_code"}, "left")
        .withColumn("unit_digits", when(length(col("digits")).equalTo(10), col("digits"))
            .otherwise(coalesce(col("reported_brn"), col("digits"))));
    Column none = lit(null).cast(DataTypes.StringType);
    Dataset<Row> units = rowUnits(withReported, "ntis", col("org_name"), col("unit_digits"), none, col("sido_code"),
        none, none, col("year"), col("kind"));
    return new Prepared(records, units);
  }

  /**
   * Support-program rosters: one unit per row; 소재지 gives the 시군구 code (and sido and sigungu as text,
   * compared where the code cannot be read).
   *
   * @param addressLookup {@link AddressRegions#lookup} of the vintage the registry's codes are in
   */
  public static Prepared programs(Dataset<Row> programs, Dataset<Row> addressLookup) {
    Dataset<Row> rows = AddressRegions.resolve(programs, "location", addressLookup, "loc_region", "loc_sido")
        .withColumn("digits", digits(col("brn_raw")))
        .withColumn("kind", when(col("digits").isNotNull()
            .and(substring(col("digits"), 4, 2).isin("82", "83")), lit(OrgKind.INSTITUTE))
            .otherwise(NameColumns.nameKind(col("firm_name"))));
    Dataset<Row> records = records(rows, "programs", lit(1), unitId("programs"), col("kind"), col("brn"));
    Dataset<Row> units = rowUnits(rows, "programs", col("firm_name"), col("digits"), col("loc_region"),
        col("loc_sido"), FirmMaster.sidoText(col("location")),
        FirmMaster.sigunguText(col("location")), col("selection_year"), col("kind"));
    return new Prepared(records, units);
  }

  /**
   * KIPRIS: one record per applicant of each application; one unit per applicant code (all patents of
   * one applicant), named by its most frequent spelling and placed by the address of its latest
   * application: the registry shows a firm's current address, so an applicant that moved is compared
   * where it is now, not where most of its patents were filed.
   *
   * @param addressLookup {@link AddressRegions#lookup} of the vintage the registry's codes are in
   */
  public static Prepared kipris(Dataset<Row> kipris, Dataset<Row> addressLookup) {
    Dataset<Row> applicants = kipris.select(col("source_file"), col("row_number"), col("application_date"),
        col("application_year"), explode(col("applicants")).as("a"))
        .select(col("source_file"), col("row_number"), col("application_date"), col("application_year"),
            col("a.position").as("position"),
            col("a.code").as("code"), col("a.name").as("name"), col("a.address").as("address"))
        .withColumn("unit_id", when(col("code").isNotNull(), concat(lit("kipris:"), col("code")))
            .otherwise(concat(lit("kipris:name:"), upper(regexp_replace(col("name"), "\\s", "")))));
    // the applicant's name is its most frequent key, so a typo or an English spelling on a few of its
    // patents does not change what the applicant is compared as; ties go to the smallest value, so the
    // unit does not depend on the order rows arrive in (a plain mode() returns whichever tie came first)
    Dataset<Row> named = applicants.withColumn("key", NameColumns.key(col("name")))
        .withColumn("form", NameColumns.legalForm(col("name")))
        .groupBy("unit_id").agg(
            mode(col("key"), true).as("r_key"), mode(col("name"), true).as("r_name"),
            mode(col("form"), true).as("r_form"),
            max_by(col("address"), struct(col("application_date"), col("source_file"), col("row_number"),
                col("position"))).as("address"),
            min(col("code")).as("code"),
            min(col("application_year")).as("r_first_year"), max(col("application_year")).as("r_last_year"),
            count(lit(1)).as("unit_records"),
            min(struct(col("source_file"), col("row_number"), col("position"))).as("first"))
        .withColumn("org_kind", NameColumns.kiprisKind(col("code"), col("r_name")))
        .withColumn("r_jamo", NameColumns.jamo(col("r_key")));
    Dataset<Row> units = AddressRegions.resolve(named, "address", addressLookup, "r_region", "r_sido")
        .select(lit("kipris").as("source"), col("unit_id"), col("r_name"), col("r_key"), col("r_jamo"),
            col("r_form"), lit(null).cast(DataTypes.StringType).as("r_brn"),
            lit(null).cast(DataTypes.StringType).as("r_brn6"), col("r_region"), col("r_sido"),
            FirmMaster.sidoText(col("address")).as("r_sido_text"),
            FirmMaster.sigunguText(col("address")).as("r_sigungu_text"),
            lit(null).cast(DataTypes.StringType).as("r_dong"), lit(null).cast(DataTypes.StringType).as("r_ksic"),
            col("r_first_year"), col("r_last_year"),
            col("org_kind"), col("unit_records"), col("first.source_file").as("first_file"),
            col("first.row_number").as("first_row"), col("first.position").as("first_position"));
    Dataset<Row> records = applicants.join(units.select("unit_id", "org_kind"), "unit_id")
        .select(lit("kipris").as("source"), col("source_file"), col("row_number"),
            col("position").cast(DataTypes.IntegerType).as("position"), col("unit_id"), col("org_kind"),
            lit(null).cast(DataTypes.StringType).as("exact_brn"));
    return new Prepared(records, units);
  }

  /**
   * NPS: one record per monthly row; one unit per workplace = (BRN prefix, 사업장형태, name as written
   * without spaces). The workplace's latest month gives its address and industry. 개인 workplaces are
   * sole proprietors (no CRN).
   *
   * @param ntsToKsic rows (nts_industry_code, ksic_division) for the NTS codes that occur
   */
  public static Prepared nps(Dataset<Row> nps, Dataset<Row> ntsToKsic) {
    // the name without whitespace (the characters of regex \s): a character map, not a regex, since it
    // runs on every monthly row
    Dataset<Row> rows = nps.withColumn("unit_id", concat_ws(":", lit("nps"), col("brn_prefix"),
            col("business_form").cast(DataTypes.StringType), translate(col("workplace_name"), WHITESPACE, "")))
        .withColumn("kind", when(col("business_form").equalTo(2), lit(OrgKind.INDIVIDUAL)).otherwise(lit(OrgKind.FIRM)));
    Dataset<Row> records = records(rows, "nps", lit(1), col("unit_id"), col("kind"),
        lit(null).cast(DataTypes.StringType));
    Column latest = struct(col("region_code"), col("legal_dong_code"), col("nts_industry_code"));
    // the aggregates below keep strings and structs, which only a sort-based aggregate can: grouping rows
    // that arrive spread over monthly files would sort every row before the shuffle for no reduction, so
    // the rows are shuffled by unit first and sorted once, after it
    Dataset<Row> units = rows.repartition(col("unit_id")).groupBy("unit_id").agg(
            min(col("workplace_name")).as("r_name"), min(col("brn_prefix")).as("r_brn6"),
            min(col("kind")).as("org_kind"), max_by(latest, col("data_month")).as("latest"),
            count(lit(1)).as("unit_records"),
            min(struct(col("source_file"), col("row_number"))).as("first"))
        .join(ntsToKsic, col("latest.nts_industry_code").equalTo(ntsToKsic.col("nts_industry_code")), "left")
        .withColumn("r_key", NameColumns.key(col("r_name")))
        .withColumn("r_form", NameColumns.legalForm(col("r_name")))
        .withColumn("r_jamo", NameColumns.jamo(col("r_key")))
        .select(lit("nps").as("source"), col("unit_id"), col("r_name"), col("r_key"), col("r_jamo"), col("r_form"),
            lit(null).cast(DataTypes.StringType).as("r_brn"), col("r_brn6"), col("latest.region_code").as("r_region"),
            substring(col("latest.region_code"), 1, 2).as("r_sido"),
            lit(null).cast(DataTypes.StringType).as("r_sido_text"),
            lit(null).cast(DataTypes.StringType).as("r_sigungu_text"),
            when(col("latest.legal_dong_code").rlike("^\\d{10}$"), concat(col("latest.region_code"),
                substring(col("latest.legal_dong_code"), 6, 3))).as("r_dong"),
            col("ksic_division").as("r_ksic"),
            // a workplace's months may predate the corporation (a sole proprietorship incorporated under
            // the same workplace): its years are not compared with the firm's founding
            lit(null).cast(DataTypes.IntegerType).as("r_first_year"),
            lit(null).cast(DataTypes.IntegerType).as("r_last_year"), col("org_kind"), col("unit_records"),
            col("first.source_file").as("first_file"), col("first.row_number").as("first_row"),
            lit(1).as("first_position"));
    return new Prepared(records, units);
  }

}

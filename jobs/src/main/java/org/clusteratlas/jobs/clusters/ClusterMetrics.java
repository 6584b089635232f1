package org.clusteratlas.jobs.clusters;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clusteratlas.datasets.industry.Ksic;
import org.clusteratlas.datasets.schema.GoldClusters;
import org.clusteratlas.jobs.tables.Warehouse;

/**
 * {@code gold.cluster_metrics} from the silver tables: one row per year, region level, region and
 * cluster. Attribution (see docs/data-dictionary.md): employment, workplaces, firms and hires by
 * workplace location (NPS); revenue and firm births by head office; R&D by the participating
 * organisation's region; patents by applicant region with fractional shares. All sums run on exact
 * decimals or longs, so the result does not depend on row order or partitioning.
 */
public final class ClusterMetrics {
  private ClusterMetrics() {}

  static final List<String> KEY = GoldClusters.KEY;
  private static final List<String> REGION = List.of("year", "region_level", "region_code");
  private static final List<String> LEVEL = List.of("year", "region_level");
  private static final List<String> CLUSTER = List.of("year", "region_level", "cluster_kind", "cluster_id");
  private static final int GROWTH_YEARS = 3;

  public static Dataset<Row> compute(ClusterInputs in, CustomClusters custom) {
    SparkSession spark = in.firm().sparkSession();
    ClusterMembership membership = new ClusterMembership(spark, custom);
    Dataset<Row> firmKsic = in.firm().select(col("firm_id"),
        coalesce(col("ksic"), col("ksic_division")).as("firm_ksic"));

    // workplaces: employment, establishments, firms, hires by workplace location
    Dataset<Row> workplaces = RegionLevels.expand(in.establishmentYear()
        .join(firmKsic, Joins.seq(List.of("firm_id")), "left")
        .select(col("year"), col("firm_id"), col("region_code"), col("sido_code"),
            coalesce(col("firm_ksic"), col("ksic_division")).as("unit_ksic"),
            col("employment").cast(PatentCounts.EXACT).as("emp"), col("hires"),
            // an unlinked workplace is an employer of its own: it cannot be pooled with any other
            coalesce(concat(lit("firm:"), col("firm_id")), concat(lit("workplace:"), col("workplace_key")))
                .as("employer")));
    Dataset<Row> regionEmployment = workplaces.groupBy(cols(REGION))
        .agg(sum("emp").as("region_employment"), count(lit(1)).as("region_establishments"));
    Dataset<Row> size = sizeAndConcentration(byKsic(workplaces, membership));

    // revenue by head office
    Dataset<Row> firmYears = RegionLevels.expand(in.firmYear()
        .join(firmKsic, Joins.seq(List.of("firm_id")), "left")
        .select(col("year"), col("region_code"), col("sido_code"),
            coalesce(col("firm_ksic"), col("ksic_division")).as("unit_ksic"), col("revenue")));
    Dataset<Row> revenue = byKsic(firmYears, membership).groupBy(cols(KEY)).agg(sum("revenue").as("revenue"));

    // firm births by head office and founding year
    Dataset<Row> founded = RegionLevels.expand(in.firm().filter(col("founded").isNotNull())
        .select(year(col("founded")).as("year"), col("region_code"), col("sido_code"),
            coalesce(col("ksic"), col("ksic_division")).as("unit_ksic")));
    Dataset<Row> births = byKsic(founded, membership).groupBy(cols(KEY)).agg(count(lit(1)).as("firm_births"));

    Dataset<Row> patents = patents(in, firmKsic, membership);
    Dataset<Row> rnd = rnd(in, firmKsic, membership);

    Dataset<Row> all = size;
    for (Dataset<Row> part : List.of(revenue, births, patents, rnd)) {
      all = all.join(part, Joins.seq(KEY), "full_outer");
    }
    all = fillZeros(withinObservedYears(all, in))
        .join(regionEmployment, Joins.seq(REGION), "left")
        .join(regionEmployment.groupBy(cols(LEVEL)).agg(sum("region_employment").as("national_employment"),
                sum("region_establishments").as("national_establishments")),
            Joins.seq(LEVEL), "left");
    // materialised once: the growth step joins this frame with itself four times
    Dataset<Row> withRatios = ratios(all).localCheckpoint();
    Dataset<Row> withDynamics = dynamics(withRatios, in);
    return Warehouse.conform(withDynamics.join(broadcast(names(spark, custom)),
        Joins.seq(List.of("cluster_kind", "cluster_id")), "left"), GoldClusters.CLUSTER_METRICS);
  }

  /**
   * Keeps the years the workplace or financial panel covers. Firm births (founding years back to the
   * 1950s) and patent priority years reach outside it, and a year with no employment or revenue measure
   * would be scored on births alone.
   */
  private static Dataset<Row> withinObservedYears(Dataset<Row> rows, ClusterInputs in) {
    Dataset<Row> span = in.establishmentYear().select("year")
        .unionByName(in.firmYear().filter(col("revenue").isNotNull()).select("year"))
        .agg(min("year").as("_first_year"), max("year").as("_last_year"));
    return rows.crossJoin(broadcast(span))
        .filter(col("year").between(col("_first_year"), col("_last_year")))
        .drop("_first_year", "_last_year");
  }

  /**
   * Employment, establishments, firms and hires per cell, the Herfindahl index of its employment
   * over its employers, Σ s_i² with s_i the employer's share (1/HHI is the equivalent number of
   * employers), and the largest employer's share. One pass per employer, then per cell: a firm is one
   * employer, so counting the employers that carry a firm id counts the cell's distinct firms. Squares
   * and sums run on exact decimals.
   */
  private static Dataset<Row> sizeAndConcentration(Dataset<Row> clusterWorkplaces) {
    Column employerEmp = col("employer_emp");
    return clusterWorkplaces.groupBy(cols(with(KEY, "employer"))).agg(
            sum("emp").as("employer_emp"), count(lit(1)).as("employer_establishments"),
            max("firm_id").as("employer_firm"), sum("hires").as("employer_hires"))
        .groupBy(cols(KEY)).agg(
            sum(employerEmp).as("employment"), sum("employer_establishments").as("establishments"),
            count(col("employer_firm")).as("firms"), sum("employer_hires").as("hires"),
            sum(employerEmp.multiply(employerEmp)).as("_squares"), max(employerEmp).as("_largest"))
        .select(col("*"), try_divide(col("_squares").cast("double"),
                pow(col("employment").cast("double"), 2)).as("firm_hhi"),
            try_divide(col("_largest").cast("double"), col("employment").cast("double"))
                .as("largest_employer_share"))
        .drop("_squares", "_largest");
  }

  /** Units (with {@code unit_ksic}) in their KSIC-division cluster and in every matching custom cluster. */
  private static Dataset<Row> byKsic(Dataset<Row> units, ClusterMembership membership) {
    Column none = lit(null).cast(DataTypes.StringType);
    return ClusterMembership.byDivision(units, col("unit_ksic")).unionByName(membership.custom(units,
        col("unit_ksic"), lit(null).cast(DataTypes.createArrayType(DataTypes.StringType)), none, none, none));
  }

  /** Fractional applications and grants by applicant region, and their RTA within the kind. */
  private static Dataset<Row> patents(ClusterInputs in, Dataset<Row> firmKsic, ClusterMembership membership) {
    Dataset<Row> parties = PatentCounts.locatedParties(in.patentParty(), PatentCounts.APPLICANT)
        .join(firmKsic, Joins.seq(List.of("firm_id")), "left")
        .join(in.patent().select("application_number", "application_year", "registered", "registration_year", "ipc"),
            "application_number")
        .withColumn("unit_ksic", col("firm_ksic"));
    Column none = lit(null).cast(DataTypes.StringType);
    Dataset<Row> fields = PatentCounts.fields(in.patent(), PatentCounts.concordance(in.patent().sparkSession()));
    Dataset<Row> tech = parties.join(fields, "application_number")
        .withColumn("weight", col("weight").cast("double").multiply(col("field_share").cast("double")).cast(PatentCounts.EXACT))
        .withColumn("cluster_kind", lit(ClusterMembership.TECH_FIELD))
        .withColumn("cluster_id", col("field_id").cast("string"))
        .drop("field_id", "field_share");
    Dataset<Row> inClusters = ClusterMembership.byDivision(parties, col("unit_ksic"))
        .unionByName(membership.custom(parties, col("unit_ksic"), col("ipc"), none, none, none))
        .unionByName(tech);
    Column granted = col("registered").equalTo(lit(true)).and(col("registration_year").isNotNull());
    Dataset<Row> applications = inClusters
        .groupBy(col("application_year").as("year"), col("region_level"), col("region_code"),
            col("cluster_kind"), col("cluster_id"))
        .agg(sum("weight").as("patent_applications"));
    Dataset<Row> grants = inClusters.filter(granted)
        .groupBy(col("registration_year").as("year"), col("region_level"), col("region_code"),
            col("cluster_kind"), col("cluster_id"))
        .agg(sum("weight").as("patent_grants"));
    // RTA against all applications of the region (every applicant, whatever the cluster)
    Dataset<Row> regionTotals = parties.groupBy(col("application_year").as("year"), col("region_level"),
        col("region_code")).agg(sum("weight").as("region_patents"));
    Dataset<Row> nationalTotals = regionTotals.groupBy(cols(LEVEL)).agg(sum("region_patents").as("national_patents"));
    Column nationalCluster = sum("patent_applications").over(Window.partitionBy(cols(CLUSTER))).cast("double");
    Dataset<Row> withRta = applications.join(regionTotals, Joins.seq(REGION), "left")
        .join(nationalTotals, Joins.seq(LEVEL), "left")
        .withColumn("patent_rta", try_divide(
            try_divide(col("patent_applications").cast("double"), col("region_patents").cast("double")),
            try_divide(nationalCluster, col("national_patents").cast("double"))))
        .drop("region_patents", "national_patents");
    return withRta.join(grants, Joins.seq(KEY), "full_outer");
  }

  /** R&D inputs and collaboration by the participating organisation's region. */
  private static Dataset<Row> rnd(ClusterInputs in, Dataset<Row> firmKsic, ClusterMembership membership) {
    Dataset<Row> participations = in.rndParticipation()
        .join(firmKsic, Joins.seq(List.of("firm_id")), "left")
        .withColumn("org_id", coalesce(concat(lit("firm:"), col("firm_id")),
            concat(col("org_kind"), lit(":"), col("org_key")), concat(lit("name:"), col("org_name"))));
    Dataset<Row> projectMix = participations.groupBy("project_id", "year").agg(
        max(col("org_kind").equalTo("firm")).and(max(col("org_kind").equalTo("university")))
            .and(max(col("org_kind").equalTo("institute"))).as("triple_helix"));
    Dataset<Row> located = RegionLevels.expand(participations.select(col("year"), col("project_id"), col("org_id"),
        col("region_code"), col("sido_code"), col("firm_ksic").as("unit_ksic"), col("six_t"),
        col("st_class_large"), col("st_class_medium"), col("gov_funding"), col("private_funding")));
    Column none = lit(null).cast(DataTypes.createArrayType(DataTypes.StringType));
    Dataset<Row> focal = ClusterMembership.byDivision(located, col("unit_ksic"))
        .unionByName(membership.custom(located, col("unit_ksic"), none, col("six_t"),
            col("st_class_large"), col("st_class_medium")));
    Dataset<Row> inputs = focal.join(projectMix, Joins.seq(List.of("project_id", "year")), "left")
        .groupBy(cols(KEY)).agg(
            sum("gov_funding").as("rnd_gov_funding"), sum("private_funding").as("rnd_private_funding"),
            countDistinct(col("project_id")).as("rnd_projects"),
            countDistinct(when(col("triple_helix"), col("project_id"))).as("triple_projects"));

    // partners: the other organisations of the cluster's projects, wherever they are
    List<String> keyAndOrg = with(KEY, "partner_id");
    Dataset<Row> focalProjects = focal.select(cols(with(KEY, "project_id"))).distinct();
    Dataset<Row> members = focal.select(cols(with(KEY, "org_id"))).withColumnRenamed("org_id", "partner_id")
        .distinct();
    Dataset<Row> everyone = participations.select(col("project_id"), col("year"), col("org_id").as("partner_id"),
        col("region_code").as("partner_sigungu"),
        coalesce(col("sido_code"), substring(col("region_code"), 1, 2)).as("partner_sido"));
    Column partnerRegion = when(col("region_level").equalTo("sido"), col("partner_sido"))
        .otherwise(col("partner_sigungu"));
    Dataset<Row> partners = focalProjects.join(everyone, Joins.seq(List.of("project_id", "year")))
        .join(members, Joins.seq(keyAndOrg), "left_anti")
        .withColumn("partner_region", partnerRegion)
        .groupBy(cols(KEY)).agg(
            countDistinct(col("partner_id")).as("rnd_partner_orgs"),
            countDistinct(when(col("partner_region").isNotNull(), col("partner_id"))).as("located_partners"),
            countDistinct(when(col("partner_region").notEqual(col("region_code")), col("partner_id")))
                .as("outside_partners"));
    return inputs.join(partners, Joins.seq(KEY), "left")
        .withColumn("rnd_triple_helix_share", try_divide(col("triple_projects").cast("double"),
            col("rnd_projects").cast("double")))
        .withColumn("rnd_partner_orgs", coalesce(col("rnd_partner_orgs"), lit(0L)))
        .withColumn("rnd_partner_outside_share", try_divide(col("outside_partners").cast("double"),
            col("located_partners").cast("double")))
        .drop("triple_projects", "located_partners", "outside_partners");
  }

  /**
   * A cluster with no rows in one source has zero of it, not an unknown; technology-field clusters
   * have no employment, revenue or R&D measure, so those stay null.
   */
  private static Dataset<Row> fillZeros(Dataset<Row> rows) {
    Column isTech = col("cluster_kind").equalTo(ClusterMembership.TECH_FIELD);
    Dataset<Row> out = rows;
    for (String c : List.of("patent_applications", "patent_grants")) {
      out = out.withColumn(c, coalesce(col(c), lit(0).cast(PatentCounts.EXACT)));
    }
    for (String c : List.of("employment", "establishments", "firms", "hires", "revenue", "firm_births",
        "rnd_gov_funding", "rnd_private_funding", "rnd_projects", "rnd_partner_orgs")) {
      out = out.withColumn(c, when(isTech, lit(null)).otherwise(coalesce(col(c), lit(0))).cast(out.schema().apply(c).dataType()));
    }
    return out;
  }

  private static Dataset<Row> ratios(Dataset<Row> rows) {
    Column emp = col("employment").cast("double");
    Column nationalCluster = sum("employment").over(Window.partitionBy(cols(CLUSTER))).cast("double");
    Column focus = try_divide(emp, col("region_employment").cast("double"));
    Column nationalShare = try_divide(nationalCluster, col("national_employment").cast("double"));
    Column nationalClusterEst = sum("establishments").over(Window.partitionBy(cols(CLUSTER))).cast("double");
    Column establishmentShare = try_divide(col("establishments").cast("double"), col("region_establishments").cast("double"));
    Column nationalEstShare = try_divide(nationalClusterEst, col("national_establishments").cast("double"));
    Column funding = col("rnd_gov_funding").plus(col("rnd_private_funding")).cast("double");
    return rows
        .withColumn("employment_share_national", try_divide(emp, nationalCluster))
        .withColumn("focus", focus)
        .withColumn("lq", try_divide(focus, nationalShare))
        // many co-located workplaces, not one large plant: the agglomeration a cluster is
        .withColumn("establishment_lq", try_divide(establishmentShare, nationalEstShare))
        .withColumn("rnd_funding_per_employee", try_divide(funding, emp))
        .withColumn("patents_per_10k_employees",
            try_divide(col("patent_applications").cast("double").multiply(10_000), emp))
        .withColumn("hire_rate", try_divide(col("hires").cast("double"), emp));
  }

  /** Three-year CAGR of employment and revenue, and the shift-share split of the employment change. */
  private static Dataset<Row> dynamics(Dataset<Row> rows, ClusterInputs in) {
    Dataset<Row> earlier = rows.select(col("year").plus(GROWTH_YEARS).as("year"), col("region_level"),
        col("region_code"), col("cluster_kind"), col("cluster_id"), col("employment").as("employment_0"),
        col("revenue").as("revenue_0"));
    Dataset<Row> clusterNational = rows.groupBy(cols(CLUSTER)).agg(sum("employment").as("cluster_national"));
    Dataset<Row> clusterNational0 = clusterNational.select(col("year").plus(GROWTH_YEARS).as("year"),
        col("region_level"), col("cluster_kind"), col("cluster_id"), col("cluster_national").as("cluster_national_0"));
    Dataset<Row> national = rows.select(cols(with(LEVEL, "national_employment"))).distinct();
    Dataset<Row> national0 = national.select(col("year").plus(GROWTH_YEARS).as("year"), col("region_level"),
        col("national_employment").as("national_employment_0"));
    // the first year each source covers: before it, "three years earlier" is unknown rather than zero
    Dataset<Row> horizon = in.establishmentYear().agg(min("year").as("first_employment_year"))
        .crossJoin(in.firmYear().filter(col("revenue").isNotNull()).agg(min("year").as("first_revenue_year")));

    Column known = col("year").minus(GROWTH_YEARS).geq(col("first_employment_year"));
    Column isTech = col("cluster_kind").equalTo(ClusterMembership.TECH_FIELD);
    Column e0 = when(known.and(isTech.unary_$bang()), coalesce(col("employment_0"), lit(0)).cast("double"));
    Column e1 = col("employment").cast("double");
    Column r0 = when(col("year").minus(GROWTH_YEARS).geq(col("first_revenue_year")).and(isTech.unary_$bang()),
        coalesce(col("revenue_0"), lit(0L)).cast("double"));
    Column growthNational = try_divide(col("national_employment").cast("double"),
        col("national_employment_0").cast("double")).minus(1);
    Column growthCluster = try_divide(col("cluster_national").cast("double"),
        col("cluster_national_0").cast("double")).minus(1);
    Column shiftNational = e0.multiply(growthNational);
    Column shiftMix = when(e0.equalTo(0), lit(0.0)).otherwise(e0.multiply(growthCluster.minus(growthNational)));
    return rows
        .join(earlier, Joins.seq(KEY), "left")
        .join(clusterNational, Joins.seq(CLUSTER), "left")
        .join(clusterNational0, Joins.seq(CLUSTER), "left")
        .join(national0, Joins.seq(LEVEL), "left")
        .crossJoin(broadcast(horizon))
        .withColumn("employment_cagr_3y", cagr(e1, e0))
        .withColumn("revenue_cagr_3y", cagr(col("revenue").cast("double"), r0))
        .withColumn("employment_change_3y", e1.minus(e0))
        .withColumn("shift_national_3y", shiftNational)
        .withColumn("shift_industry_mix_3y", shiftMix)
        // the competitive part is the remainder, e0·(g_rc − g_c), also defined when e0 = 0
        .withColumn("shift_competitive_3y", e1.minus(e0).minus(shiftNational).minus(shiftMix));
  }

  private static Column cagr(Column end, Column start) {
    return when(start.gt(0), pow(try_divide(end, start), 1.0 / GROWTH_YEARS).minus(1));
  }

  /** Display names of every cluster: KSIC divisions, WIPO fields and the custom clusters. */
  private static Dataset<Row> names(SparkSession spark, CustomClusters custom) {
    StructType schema = new StructType().add("cluster_kind", DataTypes.StringType)
        .add("cluster_id", DataTypes.StringType).add("cluster_name", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    Ksic.load().divisions().forEach(d ->
        rows.add(RowFactory.create(ClusterMembership.KSIC_DIVISION, d.code(), d.nameEn())));
    org.clusteratlas.datasets.tech.IpcConcordance.load().fields().forEach(f ->
        rows.add(RowFactory.create(ClusterMembership.TECH_FIELD, Integer.toString(f.id()), f.name())));
    Dataset<Row> fixed = spark.createDataFrame(rows, schema);
    return fixed.unionByName(custom.names(spark).withColumn("cluster_kind", lit(ClusterMembership.CUSTOM)));
  }

  private static Column[] cols(List<String> names) {
    return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
  }

  private static List<String> with(List<String> names, String... more) {
    return Stream.concat(names.stream(), Stream.of(more)).toList();
  }
}

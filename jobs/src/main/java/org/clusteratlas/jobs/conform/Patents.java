package org.clusteratlas.jobs.conform;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.clusteratlas.datasets.schema.Silver;
import org.clusteratlas.jobs.region.AddressRegions;
import org.clusteratlas.jobs.tables.Warehouse;

/**
 * bronze.kipris → silver.patent and silver.patent_party.
 *
 * <p>An application listed more than once (within a file or across files) keeps one record: a granted
 * record over one that is not (it is the later state of the same application), then the latest file,
 * then the first row. Parties come from that record only, so their entity links are the ones of the
 * row kept.
 *
 * <p>Parties are the applicants (with their entity link) and the inventors (by address only: KIPRIS
 * publishes no inventor identity here). Each gets a fractional share {@code 1/k} among the {@code k}
 * parties of its role, so counting by region or firm adds up to one application per role.
 */
public final class Patents {
  private Patents() {}

  private static Column registeredFlag() {
    return col("registration_number").isNotNull().or(col("registration_date").isNotNull());
  }

  /** Applicants that name someone (an empty slot between {@code |} separators is no party). */
  private static Column namedApplicants() {
    return filter(col("applicants"), a -> a.getField("name").isNotNull().or(a.getField("code").isNotNull()));
  }

  /** One bronze record per application number. */
  public static Dataset<Row> latest(Dataset<Row> kipris) {
    return kipris
        .withColumn("_pick", row_number().over(Window.partitionBy(col("application_number"))
            .orderBy(when(registeredFlag(), 0).otherwise(1), col("source_file").desc(), col("row_number"))))
        .filter(col("_pick").equalTo(1))
        .drop("_pick");
  }

  /** silver.patent from the records of {@link #latest}. */
  public static Dataset<Row> applications(Dataset<Row> records) {
    return Warehouse.conform(records
        .withColumn("ipc_main", try_element_at(col("ipc"), lit(1)))
        .withColumn("registered", registeredFlag())
        .withColumn("registration_year", year(col("registration_date")))
        .withColumn("applicant_count", size(namedApplicants()))
        .withColumn("inventor_count", coalesce(col("inventor_count"),
            when(size(col("inventor_addresses")).gt(0), size(col("inventor_addresses"))))),
        Silver.PATENT);
  }

  /**
   * silver.patent_party from the records of {@link #latest}, the entity links (kipris rows) and the
   * {@link AddressRegions} lookup.
   */
  public static Dataset<Row> parties(Dataset<Row> records, Dataset<Row> links, Dataset<Row> addressLookup) {
    Dataset<Row> applicantLinks = links.filter(col("source").equalTo("kipris"))
        .select(col("source_file"), col("row_number"), col("position"), col("firm_id"),
            col("org_kind").as("link_org_kind"), col("org_key").as("link_org_key"));
    Dataset<Row> applicants = records
        .withColumn("k", size(namedApplicants()))
        .select(col("application_number"), col("application_year"), col("source_file"), col("row_number"),
            col("k"), explode(namedApplicants()).as("a"))
        .withColumn("position", col("a.position"))
        .join(applicantLinks, new String[] {"source_file", "row_number", "position"}, "left")
        .select(col("application_number"), col("application_year"), lit("applicant").as("role"),
            col("position"), col("firm_id"),
            coalesce(col("link_org_kind"), when(col("firm_id").isNotNull(), lit("firm")), lit("other")).as("org_kind"),
            coalesce(col("a.code"), col("link_org_key")).as("org_key"),
            col("a.address").as("address"),
            lit(1.0).divide(col("k")).as("share"));
    Dataset<Row> inventors = records
        .withColumn("k", size(col("inventor_addresses")))
        .select(col("application_number"), col("application_year"), col("k"),
            posexplode(col("inventor_addresses")).as(new String[] {"pos", "address"}))
        .select(col("application_number"), col("application_year"), lit("inventor").as("role"),
            col("pos").plus(1).as("position"), lit(null).cast("string").as("firm_id"),
            lit("individual").as("org_kind"), lit(null).cast("string").as("org_key"),
            col("address"), lit(1.0).divide(col("k")).as("share"));
    Dataset<Row> parties = AddressRegions.resolve(applicants.unionByName(inventors), "address", addressLookup,
        "region_code", "sido_code");
    return Warehouse.conform(parties, Silver.PATENT_PARTY);
  }
}

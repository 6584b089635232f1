package org.clusteratlas.jobs.conform;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.clusteratlas.datasets.schema.Silver;
import org.clusteratlas.jobs.tables.Warehouse;

/**
 * bronze.ntis + silver.entity_link + silver.firm → silver.rnd_participation: one row per project, year
 * and performing organisation, with rows written twice counted once. The organisation's kind and key
 * come from its entity link; a row the link stage has not decided falls back to its 연구수행주체. The
 * sigungu is the linked firm's head office (NTIS gives only the 시도, which is kept as harmonised in
 * bronze).
 */
public final class RndParticipations {
  private RndParticipations() {}

  /** org_kind from NTIS's 연구수행주체, for rows without an entity link. */
  static Column kindOfOrgType(Column orgType) {
    return when(orgType.equalTo("대학"), lit("university"))
        .when(orgType.isin("출연연구소", "국공립연구소"), lit("institute"))
        .when(orgType.equalTo("정부부처"), lit("government"))
        .when(orgType.isin("대기업", "중견기업", "중소기업"), lit("firm"))
        .otherwise(lit("other"));
  }

  public static Dataset<Row> build(Dataset<Row> ntis, Dataset<Row> links, Dataset<Row> firms) {
    Dataset<Row> ntisLinks = links.filter(col("source").equalTo("ntis").and(col("position").equalTo(1)))
        .select(col("source_file"), col("row_number"), col("firm_id"), col("org_kind").as("link_org_kind"),
            col("org_key"));
    Dataset<Row> firmRegion = firms.select(col("firm_id"), col("region_code"));
    Dataset<Row> out = ExactDuplicates.dropped(ntis)
        .join(ntisLinks, new String[] {"source_file", "row_number"}, "left")
        .join(firmRegion, new String[] {"firm_id"}, "left")
        .withColumn("role", col("org_role"))
        .withColumn("org_kind", coalesce(col("link_org_kind"), kindOfOrgType(col("org_type"))));
    return Warehouse.conform(out, Silver.RND_PARTICIPATION);
  }
}

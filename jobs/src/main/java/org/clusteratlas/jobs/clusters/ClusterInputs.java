package org.clusteratlas.jobs.clusters;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The silver tables the clusters stage reads, each following its {@code Silver} contract. */
public record ClusterInputs(Dataset<Row> firm, Dataset<Row> firmYear, Dataset<Row> establishmentYear,
    Dataset<Row> rndParticipation, Dataset<Row> patent, Dataset<Row> patentParty) {}

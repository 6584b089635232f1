package org.clusteratlas.jobs.clusters;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Column;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** Small Spark-from-Java conveniences shared by the stage's transforms. */
final class Joins {
  private Joins() {}

  /** Column names as the Scala sequence {@code Dataset.join(other, usingColumns, type)} takes. */
  static Seq<String> seq(List<String> columns) {
    return CollectionConverters.asScala(columns).toSeq();
  }

  static Column zeroIfNull(Column c) {
    return coalesce(c, lit(0));
  }
}

package org.clusteratlas.jobs.did;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The mpdta benchmark panel (test resource did/mpdta_wide.csv), as plain arrays and as a long Spark panel. */
final class Mpdta {
  static final int[] YEARS = {2003, 2004, 2005, 2006, 2007};
  final List<String> county = new ArrayList<>();
  final List<Integer> cohort = new ArrayList<>();
  final List<double[]> lemp = new ArrayList<>();

  static Mpdta load() {
    Mpdta m = new Mpdta();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        Mpdta.class.getResourceAsStream("/did/mpdta_wide.csv"), StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split(",");
        m.county.add(f[0]);
        m.cohort.add(Integer.parseInt(f[1]));
        double[] y = new double[5];
        for (int j = 0; j < 5; j++) {
          y[j] = Double.parseDouble(f[2 + j]);
        }
        m.lemp.add(y);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return m;
  }

  /** Long panel in the estimator's standard columns; {@code clusterOf} may be null (no cluster). */
  Dataset<Row> panel(SparkSession spark, java.util.function.Function<String, String> clusterOf) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < county.size(); i++) {
      for (int j = 0; j < 5; j++) {
        rows.add(RowFactory.create(county.get(i), YEARS[j], cohort.get(i), lemp.get(i)[j],
            clusterOf == null ? null : clusterOf.apply(county.get(i))));
      }
    }
    return spark.createDataFrame(rows, schema());
  }

  static StructType schema() {
    return new StructType()
        .add(DidPanel.UNIT, DataTypes.StringType)
        .add(DidPanel.TIME, DataTypes.IntegerType)
        .add(DidPanel.COHORT, DataTypes.IntegerType)
        .add(DidPanel.Y, DataTypes.DoubleType)
        .add(DidPanel.CLUSTER, DataTypes.StringType);
  }
}

package org.clusteratlas.jobs.conform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.clusteratlas.jobs.conform.EstablishmentYearsTest.month;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.datasets.schema.Bronze;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The typo repair of NPS workplace keys: which one-edit neighbours fold into a workplace, which do not. */
@ExtendWith(SharedSpark.class)
class WorkplaceKeyTest {
  static final String FILE = "nps/2023.csv";

  @Test
  void neighbourhoodIsTheNameAndEveryOneCharacterDeletion(SparkSession spark) {
    List<String> variants = spark.range(1).select(WorkplaceKey.oneDeletionNeighbourhood(lit("대성정밀")))
        .first().getList(0);
    assertThat(variants).containsExactlyInAnyOrder("대성정밀", "성정밀", "대정밀", "대성밀", "대성정");
  }

  @Test
  void substitutionInsertionAndDeletionFoldIntoTheWorkplaceButNotAConcurrentNamesake(SparkSession spark) {
    String anchor = "130811|대성정밀|11110";
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int m = 1; m <= 5; m++) { // the workplace: January to May, rows 1-5
      rows.add(month(FILE, m, "2023-0" + m, "(주)대성정밀", "130811", 1, "11110", 6, 0, 0, 60));
    }
    // June: a letter substituted; July: one inserted; August: one dropped — all months it is absent
    rows.add(month(FILE, 6, "2023-06", "(주)대상정밀", "130811", 1, "11110", 6, 0, 0, 60));
    rows.add(month(FILE, 7, "2023-07", "(주)대성정밀공", "130811", 1, "11110", 6, 0, 0, 60));
    rows.add(month(FILE, 8, "2023-08", "(주)대성밀", "130811", 1, "11110", 6, 0, 0, 60));
    // one edit away but reported in a month the workplace also reports: a different workplace
    rows.add(month(FILE, 9, "2023-03", "(주)대성정말", "130811", 1, "11110", 4, 0, 0, 40));
    // the workplace's own name under another BRN prefix: another employer
    rows.add(month(FILE, 10, "2023-09", "(주)대성정밀", "220811", 1, "11110", 2, 0, 0, 20));
    @SuppressWarnings("unchecked")
    Dataset<Row> nps = Frames.of(spark, Bronze.NPS, rows.toArray(new Map[0]));
    Map<Long, String> keyByRow = new HashMap<>();
    for (Row r : WorkplaceKey.assign(nps, Dataset::localCheckpoint).select(col("row_number"), col(WorkplaceKey.COLUMN)).collectAsList()) {
      keyByRow.put(r.getLong(0), r.getString(1));
    }
    for (long row = 1; row <= 8; row++) {
      assertThat(keyByRow.get(row)).as("row %d", row).isEqualTo(anchor);
    }
    assertThat(keyByRow.get(9L)).isEqualTo("130811|대성정말|11110");
    assertThat(keyByRow.get(10L)).isEqualTo("220811|대성정밀|11110");
  }
}

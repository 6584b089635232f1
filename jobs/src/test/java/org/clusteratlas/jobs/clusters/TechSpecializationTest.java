package org.clusteratlas.jobs.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.clusteratlas.jobs.clusters.TinyAtlas.A;
import static org.clusteratlas.jobs.clusters.TinyAtlas.B;
import static org.clusteratlas.jobs.clusters.TinyAtlas.C;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clusteratlas.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fractional counts and RTA by WIPO field on {@link TinyAtlas}'s three patents. Fields: P1 H01L → 8;
 * P2 A23L, G06F → 18, 6 (half each); P3 H01L 33, G01N 33 → 8, 11 (half each; G01N 33 is field 11, not
 * G01N's 10).
 */
@ExtendWith(SharedSpark.class)
class TechSpecializationTest {
  private static final double EPS = 1e-9;

  private static Row cell(List<Row> rows, String level, String region, int field) {
    return rows.stream().filter(r -> r.getAs("region_level").equals(level) && r.getAs("region_code").equals(region)
        && r.<Integer>getAs("field_id") == field).findFirst().orElseThrow();
  }

  @Test
  void fractionalCountsAndRta(SparkSession spark) {
    ClusterInputs in = TinyAtlas.inputs(spark);
    List<Row> rows = TechSpecialization.compute(in.patent(), in.patentParty()).collectAsList();
    // applicants, sigungu: P1 A ½ B ½; P2 C 1; P3 A ½ B ½ (the unlocated individual's third is renormalised away)
    // field 8: A ½ + ¼ = ¾, B ¾; field 11: A ¼, B ¼; fields 18 and 6: C ½ each. Every region holds 1 of 3.
    assertThat(cell(rows, "sigungu", A, 8).<Double>getAs("patents_applicant")).isCloseTo(0.75, within(EPS));
    assertThat(cell(rows, "sigungu", A, 8).<Double>getAs("rta_applicant")).isCloseTo((0.75 / 1) / (1.5 / 3), within(EPS));
    assertThat(cell(rows, "sigungu", B, 11).<Double>getAs("rta_applicant")).isCloseTo((0.25 / 1) / (0.5 / 3), within(EPS));
    assertThat(cell(rows, "sigungu", C, 18).<Double>getAs("rta_applicant")).isCloseTo((0.5 / 1) / (0.5 / 3), within(EPS));
    // inventors: P1 A ⅔ C ⅓; P2 C 1 (its unlocated inventor renormalised away); P3 has none.
    // totals A ⅔, C 4⁄3 of 2; field 8 holds 1 of 2
    assertThat(cell(rows, "sigungu", A, 8).<Double>getAs("patents_inventor")).isCloseTo(2.0 / 3, within(EPS));
    assertThat(cell(rows, "sigungu", A, 8).<Double>getAs("rta_inventor")).isCloseTo(((2.0 / 3) / (2.0 / 3)) / (1.0 / 2), within(EPS));
    assertThat(cell(rows, "sigungu", C, 8).<Double>getAs("rta_inventor")).isCloseTo(((1.0 / 3) / (4.0 / 3)) / (1.0 / 2), within(EPS));
    // B has applicant but no inventor patents: zero count, no RTA
    assertThat(cell(rows, "sigungu", B, 8).<Double>getAs("patents_inventor")).isZero();
    assertThat(cell(rows, "sigungu", B, 8).<Object>getAs("rta_inventor")).isNull();
    assertThat(cell(rows, "sigungu", A, 8).<String>getAs("field_name")).isEqualTo("Semiconductors");

    // fractional counting adds up to the number of patents with a located party, at both levels
    for (String level : List.of("sido", "sigungu")) {
      double applicants = rows.stream().filter(r -> r.getAs("region_level").equals(level))
          .mapToDouble(r -> r.<Double>getAs("patents_applicant")).sum();
      double inventors = rows.stream().filter(r -> r.getAs("region_level").equals(level))
          .mapToDouble(r -> r.<Double>getAs("patents_inventor")).sum();
      assertThat(applicants).as(level).isCloseTo(3.0, within(EPS));
      assertThat(inventors).as(level).isCloseTo(2.0, within(EPS));
    }
  }
}

package org.clusteratlas.jobs.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.clusteratlas.jobs.UserError;
import org.junit.jupiter.api.Test;

/** The definitions file: the shipped one loads, and every mistake in a user's file is one line. */
class CustomClustersTest {
  private static final String HEADER = "cluster_id,name_ko,name_en,code_kind,code,note\n";

  private static CustomClusters parse(String body) {
    return CustomClusters.parse((HEADER + body).getBytes(StandardCharsets.UTF_8), "mine.csv");
  }

  private static void rejects(String body, String... fragments) {
    assertThatThrownBy(() -> parse(body)).isInstanceOf(UserError.class)
        .satisfies(e -> {
          assertThat(e.getMessage()).doesNotContain("\n").contains("mine.csv");
          for (String f : fragments) {
            assertThat(e.getMessage()).contains(f);
          }
        });
  }

  @Test
  void shippedFileDefinesTheFourteenSeedProgramClusters() {
    CustomClusters shipped = CustomClusters.defaults();
    assertThat(shipped.clusterIds()).containsExactly("smart_farm", "sound_tech", "energy_data", "smart_mfg_ict",
        "industrial_hemp", "smart_mfg_data_fusion", "defence", "printing_3d", "ai_software", "bio_health",
        "semiconductors", "secondary_batteries", "shipbuilding_marine", "mobility");
    assertThat(shipped.version()).matches("custom_clusters_v1\\.csv#[0-9a-f]{8}");
  }

  @Test
  void codesAreNormalised() {
    CustomClusters c = parse("x,엑스,X,ipc,h01m 10,\nx,엑스,X,six_t,BT,\nx,엑스,X,st_class,ee08,\n");
    assertThat(c.codes()).extracting(CustomClusters.Code::code).containsExactly("H01M10", "02", "EE08");
  }

  @Test
  void editedFileGetsAnotherVersion() {
    assertThat(parse("x,엑스,X,ksic,26,\n").version()).isNotEqualTo(parse("x,엑스,X,ksic,27,\n").version());
  }

  @Test
  void mistakesAreOneLineUserErrors() {
    rejects("x,엑스,X,naics,26,\n", "line 2", "code_kind", "naics");
    rejects("x,엑스,X,ksic,2A,\n", "line 2", "KSIC", "2A");
    rejects("x,엑스,X,ipc,Z99,\n", "IPC", "Z99");
    rejects("x,엑스,X,six_t,99,\n", "6T");
    rejects("x,엑스,X,st_class,E,\n", "과학기술표준분류");
    rejects("x,엑스,X,ksic,26,\nx,딴이름,X,ksic,27,\n", "line 3", "differs");
    rejects("Bad Id,엑스,X,ksic,26,\n", "cluster_id");
    rejects("x,,X,ksic,26,\n", "name_ko", "blank");
    rejects("x,엑스,X,ksic,26\n", "expected 6 fields");
    rejects("", "no clusters");
    assertThatThrownBy(() -> CustomClusters.parse("cluster_id,code\nx,26\n".getBytes(StandardCharsets.UTF_8), "mine.csv"))
        .isInstanceOf(UserError.class).hasMessageContaining("no column 'name_ko'");
    assertThatThrownBy(() -> CustomClusters.load(Path.of("/no/such/clusters.csv")))
        .isInstanceOf(UserError.class).hasMessageContaining("not found");
  }

  @Test
  void weightsFileMistakesAreOneLineUserErrors() {
    assertThat(ScoreWeights.defaults().describe()).isEqualTo(
        "size=0.2,specialisation=0.25,innovation_input=0.15,innovation_output=0.15,collaboration=0.1,dynamics=0.15");
    assertThatThrownBy(() -> ScoreWeights.parse("pillar,weight\nluck,1\n", "w.csv"))
        .isInstanceOf(UserError.class).hasMessageContaining("luck");
    assertThatThrownBy(() -> ScoreWeights.parse("pillar,weight\nsize,-1\n", "w.csv"))
        .isInstanceOf(UserError.class).hasMessageContaining("non-negative");
    assertThatThrownBy(() -> ScoreWeights.parse("pillar,weight\nsize,0\n", "w.csv"))
        .isInstanceOf(UserError.class).hasMessageContaining("positive weight");
  }
}

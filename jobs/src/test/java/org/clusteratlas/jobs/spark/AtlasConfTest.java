package org.clusteratlas.jobs.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AtlasConfTest {
  private static final Map<String, String> ENV = Map.of(
      "ATLAS_WAREHOUSE", "/env/wh", "ATLAS_MASTER", "local[2]", "ATLAS_SHUFFLE_PARTITIONS", "16");

  @Test
  void defaultsApplyWhenNothingIsGiven() {
    AtlasConf c = AtlasConf.resolve(null, null, Map.of(), k -> null);
    assertThat(c.warehouse()).isEqualTo("warehouse");
    assertThat(c.master()).isEqualTo("local[*]");
    assertThat(c.shufflePartitions()).isEqualTo(8);
  }

  @Test
  void environmentOverridesDefaults() {
    AtlasConf c = AtlasConf.resolve(null, null, Map.of(), ENV::get);
    assertThat(c.warehouse()).isEqualTo("/env/wh");
    assertThat(c.master()).isEqualTo("local[2]");
    assertThat(c.shufflePartitions()).isEqualTo(16);
  }

  @Test
  void commandLineOverridesEnvironment() {
    AtlasConf c = AtlasConf.resolve("/cli/wh", "spark://h:7077",
        Map.of("spark.sql.shuffle.partitions", "3", "spark.executor.memory", "4g"), ENV::get);
    assertThat(c.warehouse()).isEqualTo("/cli/wh");
    assertThat(c.master()).isEqualTo("spark://h:7077");
    assertThat(c.shufflePartitions()).isEqualTo(3);
    assertThat(c.sparkConf()).containsExactly(Map.entry("spark.executor.memory", "4g"));
  }

  @Test
  void blankValuesFallThrough() {
    AtlasConf c = AtlasConf.resolve(" ", "", Map.of(), ENV::get);
    assertThat(c.warehouse()).isEqualTo("/env/wh");
  }

  @Test
  void malformedPartitionsAreAOneLineError() {
    assertThatThrownBy(() -> AtlasConf.resolve(null, null, Map.of(), k -> k.equals("ATLAS_SHUFFLE_PARTITIONS") ? "many" : null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("shuffle partitions must be a whole number, got 'many'");
  }
}

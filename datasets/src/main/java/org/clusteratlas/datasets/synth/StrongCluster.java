package org.clusteratlas.datasets.synth;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A planted strong cluster: extra firms of one KSIC division in one leaf 시군구, larger than usual, from
 * {@code firstYear}. {@code strength} multiplies both the share of firms placed there (beyond what the
 * region's normal industry mix gives) and, through its logarithm, their size.
 */
record StrongCluster(String regionCode, String division, int firstYear, int lastYear, double strength,
    String label) implements Serializable {

  /** Realistic Korean specialisations; codes are current-vintage leaves. */
  private static final StrongCluster[] PLANTED = {
      new StrongCluster("41500", "26", 0, 0, 6, "이천 반도체"),
      new StrongCluster("41220", "26", 2018, 0, 5, "평택 반도체 (emerging)"),
      new StrongCluster("44200", "26", 0, 0, 5, "아산 디스플레이"),
      new StrongCluster("47190", "26", 0, 0, 5, "구미 전자"),
      new StrongCluster("31140", "20", 0, 0, 6, "울산 남구 석유화학"),
      new StrongCluster("31200", "30", 0, 0, 6, "울산 북구 자동차"),
      new StrongCluster("48310", "31", 0, 0, 7, "거제 조선"),
      new StrongCluster("48123", "29", 0, 0, 5, "창원 성산구 기계"),
      new StrongCluster("47111", "24", 0, 0, 6, "포항 남구 철강"),
      new StrongCluster("12190", "24", 0, 0, 5, "광양 철강"),
      new StrongCluster("30200", "70", 0, 0, 5, "대전 유성구 연구개발"),
      new StrongCluster("11680", "58", 0, 0, 4, "서울 강남구 소프트웨어"),
      new StrongCluster("41135", "62", 0, 0, 5, "성남 분당구 판교 IT"),
      new StrongCluster("43113", "21", 2019, 0, 5, "청주 흥덕구 오송 바이오 (emerging)"),
      new StrongCluster("28185", "21", 2021, 0, 5, "인천 연수구 송도 바이오 (emerging)"),
  };

  /** The planted clusters, their years clamped to the generated period (0 = from the start / to the end). */
  static List<StrongCluster> planted(GeneratorConfig config) {
    List<StrongCluster> out = new ArrayList<>();
    for (StrongCluster c : PLANTED) {
      int first = c.firstYear == 0 ? config.firstYear() : Math.max(c.firstYear, config.firstYear());
      if (first > config.lastYear()) {
        continue;
      }
      int last = c.lastYear == 0 ? config.lastYear() : Math.min(c.lastYear, config.lastYear());
      out.add(new StrongCluster(c.regionCode, c.division, first, last, c.strength, c.label));
    }
    return List.copyOf(out);
  }

  /** True when firms of this cluster are born during the period rather than present from the start. */
  boolean emerging(GeneratorConfig config) {
    return firstYear > config.firstYear();
  }
}

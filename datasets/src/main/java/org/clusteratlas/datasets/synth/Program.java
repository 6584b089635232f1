package org.clusteratlas.datasets.synth;

/**
 * The regional support programs whose rosters are generated. Entry selects on firm quality and recent
 * growth, exactly like the R&D grants, but the programs have NO causal effect on any outcome: an
 * estimated effect is selection bias, which is the point of planting them.
 */
enum Program {
  FAMILY_FIRM("family_firm", "대전·충청권 패밀리기업 지원사업", 0.030),
  SMART_FACTORY("smart_factory", "스마트공장 보급확산사업", 0.012),
  REGIONAL_STAR("regional_star", "지역스타기업 육성사업", 0.015);

  final String id;
  final String nameKo;
  /** Baseline yearly entry probability of an eligible firm of average quality and growth. */
  final double hazard;

  Program(String id, String nameKo, double hazard) {
    this.id = id;
    this.nameKo = nameKo;
    this.hazard = hazard;
  }

  boolean eligible(String sidoCode, IndustryTable industry, int division, int headcount) {
    int d = Integer.parseInt(industry.division[division]);
    boolean manufacturing = industry.isManufacturing(division);
    boolean knowledge = d >= 58 && d <= 73;
    return switch (this) {
      case FAMILY_FIRM -> (sidoCode.equals("30") || sidoCode.equals("36") || sidoCode.equals("43")
          || sidoCode.equals("44")) && (manufacturing || knowledge) && headcount >= 3;
      case SMART_FACTORY -> manufacturing && headcount >= 5;
      case REGIONAL_STAR -> !(sidoCode.equals("11") || sidoCode.equals("28") || sidoCode.equals("41"))
          && (manufacturing || knowledge) && headcount >= 10;
    };
  }
}

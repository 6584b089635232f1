package org.clusteratlas.datasets.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.clusteratlas.datasets.ids.Brn;
import org.clusteratlas.datasets.ids.Crn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The firm world without Spark: determinism, identifiers, names, trajectories. */
class FirmFactoryTest {
  private static World world;
  private static FirmFactory factory;

  @BeforeAll
  static void build() {
    world = World.build(GeneratorConfig.defaults("/tmp/unused").withScale(0.005), DirtRates.defaults());
    factory = new FirmFactory(world);
  }

  @Test
  void sameSeedAndIndexGiveTheSameFirm() {
    World again = World.build(GeneratorConfig.defaults("/tmp/other").withScale(0.005), DirtRates.defaults());
    for (long i : new long[] {0, 17, 1234, 2999}) {
      Firm a = factory.firm(i);
      Firm b = new FirmFactory(again).firm(i);
      assertThat(b.crn()).isEqualTo(a.crn());
      assertThat(b.legalName()).isEqualTo(a.legalName());
      assertThat(b.headcount()).containsExactly(a.headcount());
      assertThat(b.revenue()).containsExactly(a.revenue());
      assertThat(b.firstGrantYear()).isEqualTo(a.firstGrantYear());
    }
    World otherSeed = World.build(GeneratorConfig.defaults("/tmp/x").withScale(0.005).withSeed(7),
        DirtRates.defaults());
    assertThat(new FirmFactory(otherSeed).firm(17).headcount()).isNotEqualTo(factory.firm(17).headcount());
  }

  @Test
  void identifiersAreValidAndUnique() {
    Set<String> crns = new HashSet<>();
    Set<String> brns = new HashSet<>();
    for (long i = 0; i < world.firms; i++) {
      Firm f = factory.firm(i);
      assertThat(Crn.isValid(f.crn())).as(f.crn()).isTrue();
      assertThat(f.crn().substring(4, 6)).isIn("11", "13", "14");
      assertThat(Brn.isValid(f.brn())).as(f.brn()).isTrue();
      assertThat(Brn.entityType(f.brn())).isEqualTo(Brn.EntityType.CORPORATION_HQ);
      assertThat(crns.add(f.crn())).as("duplicate CRN " + f.crn()).isTrue();
      assertThat(brns.add(f.brn())).as("duplicate BRN " + f.brn()).isTrue();
      for (Firm.Branch b : f.branches()) {
        assertThat(Brn.entityType(b.brn())).isEqualTo(Brn.EntityType.CORPORATION_BRANCH);
        assertThat(Brn.isValid(b.brn())).isTrue();
        assertThat(brns.add(b.brn())).isTrue();
      }
    }
    SoleFactory soles = new SoleFactory(world);
    for (long i = 0; i < 500; i++) {
      String brn = soles.sole(i).brn();
      assertThat(Brn.isValid(brn)).isTrue();
      assertThat(Brn.entityType(brn)).isEqualTo(Brn.EntityType.INDIVIDUAL);
      assertThat(brns.add(brn)).isTrue();
    }
  }

  @Test
  void applicantCodesHaveTwelveDigitsAndOurCheckDigit() {
    String code = IdFactory.firmApplicantCode(123_456);
    assertThat(code).hasSize(12).startsWith("1");
    int sum = 0;
    for (int i = 0; i < 11; i++) {
      sum += (code.charAt(i) - '0') * (i + 2);
    }
    assertThat(code.charAt(11) - '0').isEqualTo(sum % 11 % 10);
    assertThat(IdFactory.firmApplicantCode(123_457)).isNotEqualTo(code);
  }

  @Test
  void trajectoriesAreConsistent() {
    int treated = 0;
    int maxHeadcount = 0;
    for (long i = 0; i < world.firms; i++) {
      Firm f = factory.firm(i);
      for (int m = 0; m < world.months; m++) {
        boolean active = m >= f.foundMonth() && m < f.exitMonth();
        assertThat(f.headcount()[m] > 0).as("firm %d month %d", i, m).isEqualTo(active);
        maxHeadcount = Math.max(maxHeadcount, f.headcount()[m]);
      }
      if (f.firstGrantYear() > 0) {
        treated++;
        assertThat(f.projects()[f.firstGrantYear() - world.config.firstYear()]).isPositive();
        for (int y = world.config.firstYear(); y < f.firstGrantYear(); y++) {
          assertThat(f.projects()[y - world.config.firstYear()]).isZero();
        }
      }
    }
    assertThat(treated).isBetween((int) (world.firms / 50), (int) (world.firms / 2));
    assertThat(maxHeadcount).isGreaterThan(300);
  }

  @Test
  void namesVaryTheWaySourcesWriteThem() {
    RandomStream r = RandomStream.of(1, RandomStream.WORLD, 1, 1);
    Set<String> variants = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      String v = NameStyle.reported("한빛", "전자", NameStyle.LegalForm.STOCK, true, NameStyle.Style.NPS,
          DirtRates.defaults(), r);
      assertThat(v.replace(" ", "")).contains("한빛전자");
      variants.add(v);
    }
    assertThat(variants).contains("주식회사 한빛전자", "(주)한빛전자", "한빛전자(주)", "㈜한빛전자");
    String kipris = NameStyle.reported("한빛", "전자", NameStyle.LegalForm.STOCK, true, NameStyle.Style.KIPRIS,
        new DirtRates(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), RandomStream.of(3, 1, 1, 1));
    assertThat(kipris).contains("한빛전자").contains("주식회사");
    String typo = NameStyle.typo("(주)한빛전자", r);
    assertThat(typo).hasSize("(주)한빛전자".length()).isNotEqualTo("(주)한빛전자");
    int differences = 0;
    for (int i = 0; i < typo.length(); i++) {
      differences += typo.charAt(i) == "(주)한빛전자".charAt(i) ? 0 : 1;
    }
    assertThat(differences).isEqualTo(1);
    assertThat(NameStyle.english("한빛", "테크", NameStyle.LegalForm.STOCK)).isEqualTo("HANBIT TECH CO., LTD.");
  }

  /**
   * Names repeat as in a sample of the national population: at scale 0.1 (60,000 corporations) the
   * commonest name is held by a few dozen firms, not hundreds, and about a tenth of firms have a namesake.
   */
  @Test
  void commonNamesRepeatAcrossDifferentFirmsAtASamplesRate() {
    World tenth = World.build(GeneratorConfig.defaults("/tmp/unused").withScale(0.1), DirtRates.defaults());
    FirmFactory firms = new FirmFactory(tenth);
    Map<String, Integer> byName = new HashMap<>();
    for (long i = 0; i < tenth.firms; i++) {
      byName.merge(firms.firm(i).core(), 1, Integer::sum);
    }
    int commonest = byName.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    long withNamesake = byName.values().stream().filter(n -> n > 1).mapToLong(Integer::longValue).sum();
    assertThat(commonest).isBetween(10, 60);
    assertThat((double) withNamesake / tenth.firms).isBetween(0.04, 0.2);
  }

  @Test
  void configIsValidated() {
    assertThatThrownBy(() -> new GeneratorConfig(0, 2015, 2025, YearMonth.of(2026, 9), 1, "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale");
    assertThatThrownBy(() -> new GeneratorConfig(0.1, 2014, 2025, YearMonth.of(2026, 9), 1, "x"))
        .hasMessageContaining("2015..2026");
    assertThatThrownBy(() -> new GeneratorConfig(0.1, 2020, 2019, YearMonth.of(2026, 9), 1, "x"))
        .hasMessageContaining("after lastYear");
    assertThatThrownBy(() -> new GeneratorConfig(0.1, 2015, 2025, YearMonth.of(2025, 11), 1, "x"))
        .hasMessageContaining("npsLastMonth");
    GeneratorConfig d = GeneratorConfig.defaults("out");
    assertThat(d.scale()).isEqualTo(0.01);
    assertThat(d.months()).isEqualTo(141);
  }
}

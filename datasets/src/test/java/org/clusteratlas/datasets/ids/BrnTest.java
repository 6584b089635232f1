package org.clusteratlas.datasets.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.clusteratlas.datasets.ids.Brn.EntityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BrnTest {

    /** Published numbers of real companies (research/entity-resolution.md §5.1). */
    @ParameterizedTest
    @ValueSource(strings = {
        "124-81-00998", // Samsung Electronics
        "120-81-47521", // Kakao
        "220-81-62517", // NAVER
        "107-86-14075", // LG Electronics
        "120-81-20653", // Hyundai Motor
        "667-86-00578", "867-86-01347", "116-82-00276", "134-86-72683"})
    void acceptsRealNumbers(String brn) {
        assertThat(Brn.isValid(brn)).isTrue();
        assertThat(Brn.isValid(Brn.digits(brn))).isTrue();
        assertThat(Brn.withCheckDigit(Brn.digits(brn).substring(0, 9))).isEqualTo(Brn.digits(brn));
    }

    @ParameterizedTest
    @ValueSource(strings = {"124-81-00997", "120-81-47522", "220-81-62518", "107-86-14076", "124-81-00898"})
    void rejectsOneDigitChanged(String brn) {
        assertThat(Brn.isValid(brn)).isFalse();
    }

    @Test
    void everySingleDigitSubstitutionIsCaught() {
        String valid = "1248100998";
        for (int pos = 0; pos < 10; pos++) {
            for (char d = '0'; d <= '9'; d++) {
                if (d == valid.charAt(pos)) {
                    continue;
                }
                String changed = valid.substring(0, pos) + d + valid.substring(pos + 1);
                assertThat(Brn.isValid(changed)).as(changed).isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"124 81 00998", " 124-81-00998 ", "124.81.00998", "124–81–00998", "1248100998"})
    void acceptsUsualSeparators(String brn) {
        assertThat(Brn.isValid(brn)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "124-81-0099", "124-81-009980", "12481009981", "124-81-*****", "124810****",
        "BRN 124-81-00998", "124-81-00998a", "abc"})
    void rejectsWrongShapesWithoutThrowing(String raw) {
        assertThat(Brn.isValid(raw)).isFalse();
    }

    @Test
    void digitsStripsEverythingElse() {
        assertThat(Brn.digits("124-81-00998")).isEqualTo("1248100998");
        assertThat(Brn.digits(" 124 81 *****")).isEqualTo("12481");
        assertThat(Brn.digits(null)).isEmpty();
    }

    @Test
    void checkDigitMatchesTheLastDigit() {
        assertThat(Brn.checkDigit("124810099")).isEqualTo(8);
        assertThat(Brn.checkDigit("120-81-4752")).isEqualTo(1);
        assertThat(Brn.withCheckDigit("220816251")).isEqualTo("2208162517");
    }

    @Test
    void checkDigitNeedsExactlyNineDigits() {
        assertThatThrownBy(() -> Brn.checkDigit("12481009")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Brn.checkDigit("1248100998")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Brn.withCheckDigit(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsAsThreeTwoFive() {
        assertThat(Brn.format("1248100998")).isEqualTo("124-81-00998");
        assertThat(Brn.format(" 124 81 00998 ")).isEqualTo("124-81-00998");
        assertThat(Brn.format("1248100997")).isEqualTo("124-81-00997");
        assertThatThrownBy(() -> Brn.format("124810099")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void entityTypeFromMiddleDigits() {
        assertThat(Brn.entityType("124-81-00998")).isEqualTo(EntityType.CORPORATION_HQ);
        assertThat(Brn.entityType("107-86-14075")).isEqualTo(EntityType.CORPORATION_HQ);
        assertThat(Brn.entityType("116-82-00276")).isEqualTo(EntityType.NONPROFIT);
        assertThat(Brn.entityType("123-01-12345")).isEqualTo(EntityType.INDIVIDUAL);
        assertThat(Brn.entityType("123-79-12345")).isEqualTo(EntityType.INDIVIDUAL);
        assertThat(Brn.entityType("123-80-12345")).isEqualTo(EntityType.INDIVIDUAL_NONBUSINESS);
        assertThat(Brn.entityType("123-83-12345")).isEqualTo(EntityType.GOVERNMENT);
        assertThat(Brn.entityType("123-84-12345")).isEqualTo(EntityType.FOREIGN_CORPORATION);
        assertThat(Brn.entityType("123-85-12345")).isEqualTo(EntityType.CORPORATION_BRANCH);
        assertThat(Brn.entityType("123-87-12345")).isEqualTo(EntityType.CORPORATION_HQ);
        assertThat(Brn.entityType("123-88-12345")).isEqualTo(EntityType.CORPORATION_HQ);
        assertThat(Brn.entityType("123-89-12345")).isEqualTo(EntityType.RELIGIOUS);
        assertThat(Brn.entityType("123-90-12345")).isEqualTo(EntityType.INDIVIDUAL_VAT_EXEMPT);
        assertThat(Brn.entityType("123-99-12345")).isEqualTo(EntityType.INDIVIDUAL_VAT_EXEMPT);
        assertThat(Brn.entityType("123-00-12345")).isEqualTo(EntityType.UNKNOWN);
    }

    @Test
    void entityTypeReadsMaskedNumbers() {
        // NPS publishes the first six digits only
        assertThat(Brn.entityType("124810******")).isEqualTo(EntityType.CORPORATION_HQ);
        assertThat(Brn.entityType("1248")).isEqualTo(EntityType.UNKNOWN);
        assertThat(Brn.entityType(null)).isEqualTo(EntityType.UNKNOWN);
    }
}

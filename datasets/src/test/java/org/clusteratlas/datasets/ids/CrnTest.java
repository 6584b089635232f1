package org.clusteratlas.datasets.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CrnTest {

    /** Published numbers (research/entity-resolution.md §5.2); 130111-0006246 is Samsung Electronics. */
    @ParameterizedTest
    @ValueSource(strings = {"130111-0006246", "110111-6638542", "131111-0541796", "1101110414758"})
    void acceptsRealNumbers(String crn) {
        assertThat(Crn.isValid(crn)).isTrue();
        String d = Crn.digits(crn);
        assertThat(Crn.withCheckDigit(d.substring(0, 12))).isEqualTo(d);
        assertThat(Crn.checkDigit(d.substring(0, 12))).isEqualTo(d.charAt(12) - '0');
    }

    @ParameterizedTest
    @ValueSource(strings = {"130111-0006247", "110111-6638543", "131111-0541797", "1101110414759", "130111-0006146"})
    void rejectsOneDigitChanged(String crn) {
        assertThat(Crn.isValid(crn)).isFalse();
    }

    @Test
    void plainProductsNotLuhnDigitSums() {
        // a Luhn-style variant (digit sums of products >= 10) rejects this real number
        assertThat(Crn.isValid("110111-6638542")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"130111 0006246", " 130111-0006246 ", "130111–0006246", "130111.0006246"})
    void acceptsUsualSeparators(String crn) {
        assertThat(Crn.isValid(crn)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"130111-000624", "130111-00062460", "1248100998", "130111-*******", "CRN130111-0006246"})
    void rejectsWrongShapesWithoutThrowing(String raw) {
        assertThat(Crn.isValid(raw)).isFalse();
    }

    @Test
    void formatsAsSixSeven() {
        assertThat(Crn.format("1301110006246")).isEqualTo("130111-0006246");
        assertThat(Crn.format("130111 0006246")).isEqualTo("130111-0006246");
        assertThatThrownBy(() -> Crn.format("130111000624")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Crn.format(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkDigitNeedsExactlyTwelveDigits() {
        assertThatThrownBy(() -> Crn.checkDigit("13011100062")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Crn.withCheckDigit("1301110006246")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void digitsStripsEverythingElse() {
        assertThat(Crn.digits("130111-0006246")).isEqualTo("1301110006246");
        assertThat(Crn.digits(null)).isEmpty();
    }
}

package eu.aifactory.portal.common;

import static org.assertj.core.api.Assertions.assertThat;

import eu.aifactory.portal.common.PatternExample.Example;
import org.junit.jupiter.api.Test;

class PatternExampleTest {

    @Test
    void aLetterAndTwoDigitsReadAsTheirRange() {
        assertThat(PatternExample.of("^L[0-9]{2}$")).contains(new Example("L01", "L99"));
    }

    @Test
    void escapedLiteralsAndVariableLengthsAreKept() {
        assertThat(PatternExample.of("^1\\.[0-9]{4}$")).contains(new Example("1.0001", "1.9999"));
        assertThat(PatternExample.of("^[A-Z]{1,3}$")).contains(new Example("A", "ZZZ"));
        assertThat(PatternExample.of("^[A-Z]{2,4}-[0-9]{4}$")).contains(new Example("AA-0001", "ZZZZ-9999"));
    }

    @Test
    void lettersAndDigitsInOneClassGiveOneExampleShowingBoth() {
        assertThat(PatternExample.of("^[A-Z0-9]{4}$")).contains(new Example("A1B2", null));
        assertThat(PatternExample.of("^[A-Z0-9]{4}-[0-9]{3}-[0-9]{2}$")).contains(new Example("A1B2-012-01", null));
        assertThat(PatternExample.of("^[a-z0-9][a-z0-9-]{2,39}$").orElseThrow().first()).isEqualTo("aa1");
    }

    @Test
    void patternsBeyondTheSimpleFormHaveNoExample() {
        assertThat(PatternExample.of("^(foo|bar)$")).isEmpty();
        assertThat(PatternExample.of("^\\w+$")).isEmpty();
        assertThat(PatternExample.of("^[^x]{2}$")).isEmpty();
        assertThat(PatternExample.of(null)).isEmpty();
    }
}

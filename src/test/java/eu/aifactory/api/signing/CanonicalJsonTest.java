package eu.aifactory.api.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String canonical(String json) throws Exception {
        return new String(CanonicalJson.canonicalize(MAPPER.readTree(json)), StandardCharsets.UTF_8);
    }

    @Test
    void rfc8785Section322SampleCanonicalisesToThePublishedBytes() throws Exception {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }""";
        byte[] bytes = CanonicalJson.canonicalize(MAPPER.readTree(input));
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(
                "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
        // RFC 8785 section 3.2.4: the UTF-8 bytes of that output.
        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(
                "7b226c69746572616c73223a5b6e756c6c2c747275652c66616c73655d2c226e756d62657273223a5b3333"
                        + "333333333333332e333333333333332c31652b33302c342e352c302e3030322c31652d32375d2c2273"
                        + "7472696e67223a22e282ac245c75303030665c6e4127425c225c5c5c5c5c222f227d");
    }

    @Test
    void rfc8785Section323SortsMembersByUtf16CodeUnits() throws Exception {
        String input = """
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis",
                  "\\u05d1": "Hebrew Letter Bet"
                }""";
        assertThat(canonical(input)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                + "\"ö\":\"Latin Small Letter O With Diaeresis\",\"\u05d1\":\"Hebrew Letter Bet\",\"€\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "1e30, 1e+30",
            "4.50, 4.5",
            "2e-3, 0.002",
            "0.000001, 0.000001",
            "1e-7, 1e-7",
            "-0, 0",
            "-0.0, 0",
            "333333333.33333329, 333333333.3333333",
            "1E21, 1e+21",
            "1E20, 100000000000000000000",
            "9007199254740992, 9007199254740992",
            "-9007199254740992, -9007199254740992",
            "1.0, 1",
            "1e2, 100",
            "100, 100",
            "0.1, 0.1",
            "1.2345678901234568E20, 123456789012345680000",
            "5e-324, 5e-324",
            "1.5e300, 1.5e+300",
            "-1.25e-10, -1.25e-10",
    })
    void numbersAreWrittenAsEcmaScriptDoes(String json, String expected) throws Exception {
        assertThat(canonical(json)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0000000000000000, 0",
            "8000000000000000, 0",
            "0000000000000001, 5e-324",
            "8000000000000001, -5e-324",
            "7fefffffffffffff, 1.7976931348623157e+308",
            "ffefffffffffffff, -1.7976931348623157e+308",
            "4340000000000000, 9007199254740992",
            "c340000000000000, -9007199254740992",
            "4430000000000000, 295147905179352830000",
            "44b52d02c7e14af5, 9.999999999999997e+22",
            "44b52d02c7e14af6, 1e+23",
            "44b52d02c7e14af7, 1.0000000000000001e+23",
            "444b1ae4d6e2ef4e, 999999999999999700000",
            "444b1ae4d6e2ef4f, 999999999999999900000",
            "444b1ae4d6e2ef50, 1e+21",
            "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
            "3eb0c6f7a0b5ed8d, 0.000001",
            "41b3de4355555553, 333333333.3333332",
            "41b3de4355555554, 333333333.33333325",
            "41b3de4355555555, 333333333.3333333",
            "41b3de4355555556, 333333333.3333334",
            "41b3de4355555557, 333333333.33333343",
            "becbf647612f3696, -0.0000033333333333333333",
            "43143ff3c1cb0959, 1424953923781206.2",
    })
    void rfc8785AppendixBNumbersSerialiseAsPublished(String ieee754Bits, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieee754Bits, 16));
        assertThat(CanonicalJson.numberToString(value)).isEqualTo(expected);
        assertThat(CanonicalJson.canonicalString(new DoubleNode(value))).isEqualTo(expected);
    }

    @Test
    void numbersRoundTripWithNoMoreDigitsThanTheJdkUses() {
        SplittableRandom random = new SplittableRandom(8785);
        for (int i = 0; i < 20_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(value)) {
                continue;
            }
            String text = CanonicalJson.numberToString(value);
            assertThat(Double.parseDouble(text)).as(text).isEqualTo(value == 0 ? 0.0 : value);
            assertThat(significantDigits(text)).as(text).isLessThanOrEqualTo(significantDigits(Double.toString(value)));
        }
    }

    private static int significantDigits(String number) {
        String mantissa = number.toLowerCase().split("e")[0].replace("-", "").replace(".", "");
        return new BigDecimal(mantissa).stripTrailingZeros().precision();
    }

    @Test
    void bigDecimalNodesCanonicaliseLikeTheDoubleTheyDenote() {
        assertThat(CanonicalJson.canonicalString(DecimalNode.valueOf(new BigDecimal("4.50")))).isEqualTo("4.5");
        assertThat(CanonicalJson.canonicalString(DecimalNode.valueOf(new BigDecimal("1E+2")))).isEqualTo("100");
    }

    @Test
    void stringsCarryOnlyTheRequiredEscapesWithLowercaseHex() {
        String raw = "\u0000\u0001\u001f\b\t\n\f\r\"\\/\u007f\u2028é😀";
        assertThat(CanonicalJson.canonicalString(TextNode.valueOf(raw)))
                .isEqualTo("\"\\u0000\\u0001\\u001f\\b\\t\\n\\f\\r\\\"\\\\/\u007f\u2028é😀\"");
    }

    @Test
    void nestedObjectsAreSortedAndArraysKeepTheirOrder() throws Exception {
        assertThat(canonical("{ \"b\" : [3, {\"z\":1,\"a\":2}, 1],\n \"a\" : {} , \"c\": []}"))
                .isEqualTo("{\"a\":{},\"b\":[3,{\"a\":2,\"z\":1},1],\"c\":[]}");
    }

    @Test
    void nonFiniteNumbersAreRejected() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize(new DoubleNode(Double.NaN))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.canonicalize(new DoubleNode(Double.POSITIVE_INFINITY)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.numberToString(Double.NEGATIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void integersBeyondTwoToTheFiftyThirdAreRejectedBecauseTheyWouldCollide() throws Exception {
        JsonNode tooBig = MAPPER.readTree("{\"bytes\":9007199254740993}");
        assertThatThrownBy(() -> CanonicalJson.canonicalize(tooBig)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2^53");
    }

    @Test
    void unpairedSurrogatesAreRejectedInValuesAndNames() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize(TextNode.valueOf("a\ud83d")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.canonicalize(TextNode.valueOf("\ude00b")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.canonicalize(JsonNodeFactory.instance.objectNode().put("\ud83d", 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void binaryNodesHaveNoCanonicalForm() {
        assertThatThrownBy(() -> CanonicalJson.canonicalize(JsonNodeFactory.instance.binaryNode(new byte[] {1})))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

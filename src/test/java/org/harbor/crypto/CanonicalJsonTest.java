package org.harbor.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * RFC 8785 (JSON Canonicalization Scheme) test vectors for {@link CanonicalJson}, written from the
 * RFC's published examples: the key-sorting example of section 3.2.3, the string and literal parts of
 * the example of section 3.2.4 and the number table of Appendix B. Harbor canonicalises integers
 * within ±(2^53 − 1) only (see the class comment); for the RFC's other numbers the test checks that it
 * refuses them rather than write a form the RFC would not.
 */
@DisplayName("RFC 8785 test vectors for CanonicalJson")
class CanonicalJsonTest {

    @Nested
    @DisplayName("RFC 8785 section 3.2.3: object members sorted by UTF-16 code units")
    class Sorting {

        @Test
        @DisplayName("the RFC's example sorts the emoji (a surrogate pair) before U+FB33, unlike code-point order")
        void rfcSortingExample() {
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("\u20ac", "Euro Sign");
            in.put("\r", "Carriage Return");
            in.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
            in.put("1", "One");
            in.put("\ud83d\ude00", "Emoji: Grinning Face");
            in.put("\u0080", "Control");
            in.put("\u00f6", "Latin Small Letter O With Diaeresis");
            assertEquals("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
                    + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
                    + "\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}",
                    CanonicalJson.write(in));
        }

        @Test
        @DisplayName("nested objects are sorted too, arrays keep their order")
        void nested() {
            Map<String, Object> inner = new LinkedHashMap<>();
            inner.put("b", 2L);
            inner.put("a", 1L);
            Map<String, Object> outer = new LinkedHashMap<>();
            outer.put("z", java.util.List.of(3L, 1L, 2L));
            outer.put("y", inner);
            assertEquals("{\"y\":{\"a\":1,\"b\":2},\"z\":[3,1,2]}", CanonicalJson.write(outer));
        }
    }

    @Nested
    @DisplayName("RFC 8785 section 3.2.4: the example's strings and literals")
    class Strings {

        @Test
        @DisplayName("\"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\" and [null, true, false]")
        void rfcStringExample() {
            // The RFC's input string, decoded: € $ U+000F LF A ' B " \ \ " /
            String string = "\u20ac$\u000f\nA'B\"\\\\\"/";
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("string", string);
            in.put("literals", Arrays.asList(null, true, false));
            String expected = "{\"literals\":[null,true,false],\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
            assertEquals(expected, CanonicalJson.write(in));
            // UTF-8 on the wire: the euro sign as e2 82 ac, nothing else escaped beyond the RFC's rules
            byte[] bytes = CanonicalJson.bytes(Map.of("s", "\u20ac"));
            assertArrayEquals(new byte[] {'{', '"', 's', '"', ':', '"', (byte) 0xe2, (byte) 0x82, (byte) 0xac, '"', '}'}, bytes);
        }

        @Test
        @DisplayName("control characters: the five short escapes, the rest as \\u00xx in lower-case hex")
        void controlCharacters() {
            assertEquals("\"\\b\\t\\n\\f\\r\\u0000\\u0001\\u000b\\u001f \u007f\"",
                    CanonicalJson.write("\b\t\n\f\r\u0000\u0001\u000b\u001f \u007f"));
        }

        @Test
        @DisplayName("a lone surrogate has no UTF-8 form and is refused")
        void loneSurrogate() {
            assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write("\ud800"));
            assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write("a\udc00"));
        }
    }

    @Nested
    @DisplayName("RFC 8785 Appendix B: numbers")
    class Numbers {

        @Test
        @DisplayName("the integers of the table Harbor holds are written as the RFC writes them")
        void integers() {
            // 0000000000000000 -> 0; 8000000000000000 (minus zero) -> 0: an integer zero has no sign
            assertEquals("0", CanonicalJson.write(0L));
            assertEquals("0", CanonicalJson.write(0));
            // within ±(2^53 − 1): the plain decimal form, as ECMAScript's Number.prototype.toString gives it
            assertEquals("9007199254740991", CanonicalJson.write(CanonicalJson.MAX_SAFE_INTEGER));
            assertEquals("-9007199254740991", CanonicalJson.write(-CanonicalJson.MAX_SAFE_INTEGER));
            assertEquals("[1,-1,1000000,2147483647]", CanonicalJson.write(java.util.List.of(1L, -1, 1_000_000L, Integer.MAX_VALUE)));
        }

        @Test
        @DisplayName("the table's other values (2^53, 2^68, fractions, NaN, infinity) are refused, never written another way")
        void outsideHarborsDomain() {
            // 4340000000000000 -> 9007199254740992 and 4430000000000000 -> 295147905179352830000 in the RFC
            assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(9007199254740992L));
            assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(-9007199254740992L));
            assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(new java.math.BigInteger("295147905179352830000")));
            // 0000000000000001 -> 5e-324, 44b52d02c7e14af6 -> 1e+23, 3eb0c6f7a0b5ed8d -> 0.000001, 7ff0000000000000 -> error
            for (double d : new double[] {Double.MIN_VALUE, 1e23, 0.000001, -0.0, 4.5, Double.NaN, Double.POSITIVE_INFINITY}) {
                assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(d), Double.toString(d));
            }
        }
    }

    @Test
    @DisplayName("canonical bytes are the UTF-8 of the canonical text")
    void bytesAreUtf8() {
        Map<String, Object> in = Map.of("\u0639\u0631\u0628\u064a", "\u00f1", "k", true);
        assertArrayEquals(CanonicalJson.write(in).getBytes(StandardCharsets.UTF_8), CanonicalJson.bytes(in));
    }
}

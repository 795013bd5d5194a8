package org.harbor.crypto;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON Canonicalization Scheme (RFC 8785) for everything Harbor hashes or signs (seals, packages,
 * the audit chain), and a bounded reader for JSON that comes from outside.
 *
 * <p>Harbor's sealed units hold only objects, arrays, strings, booleans, null and integers. RFC 8785
 * serialises numbers as ECMAScript does; for integers within ±2<sup>53</sup> that is the plain
 * decimal form, so this writer accepts exactly those and refuses fractions and larger integers
 * rather than canonicalise them wrongly. Object members are sorted by their UTF-16 code units
 * (Java's {@link String#compareTo}); strings escape only what RFC 8785 escapes.
 */
public final class CanonicalJson {

    /** The largest integer every JSON reader holds exactly (2^53 − 1). */
    public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    private CanonicalJson() {
    }

    public static byte[] bytes(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, int depth) {
        if (depth > 64) {
            throw new IllegalArgumentException("canonical JSON nests at most 64 levels");
        }
        switch (value) {
            case null -> out.append("null");
            case String s -> string(s, out);
            case Boolean b -> out.append(b ? "true" : "false");
            case Integer i -> out.append(i.intValue());
            case Long l -> {
                if (l > MAX_SAFE_INTEGER || l < -MAX_SAFE_INTEGER) {
                    throw new IllegalArgumentException("integers beyond 2^53 are not canonicalised; store them as strings");
                }
                out.append(l.longValue());
            }
            case Map<?, ?> map -> {
                TreeMap<String, Object> sorted = new TreeMap<>();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!(e.getKey() instanceof String key)) {
                        throw new IllegalArgumentException("object keys are strings");
                    }
                    sorted.put(key, e.getValue());
                }
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, Object> e : sorted.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(e.getKey(), out);
                    out.append(':');
                    write(e.getValue(), out, depth + 1);
                }
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(list.get(i), out, depth + 1);
                }
                out.append(']');
            }
            default -> throw new IllegalArgumentException("only strings, integers, booleans, null, objects and arrays are "
                    + "canonicalised, not " + value.getClass().getSimpleName());
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
                    } else if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1)))) {
                        if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1))) {
                            out.append(c);
                        } else {
                            throw new IllegalArgumentException("a string holds a lone surrogate, which has no UTF-8 form");
                        }
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * Reads JSON from outside into maps, lists, strings, longs, booleans and null, within
     * {@code maxDepth} levels of nesting. Fractions, duplicate keys and trailing content are refused.
     */
    public static Object parse(byte[] json, int maxDepth) throws MalformedException {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth)
                        .maxStringLength(json.length + 1).maxNumberLength(20).build())
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        try (JsonParser parser = factory.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new MalformedException("empty JSON");
            }
            Object value = read(parser, first);
            if (parser.nextToken() != null) {
                throw new MalformedException("content after the JSON value");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            if (e instanceof MalformedException m) {
                throw m;
            }
            String what = e.getMessage() != null && e.getMessage().contains("nesting depth") ? "JSON nests too deeply" : "malformed JSON";
            throw new MalformedException(what);
        }
    }

    private static Object read(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String key = parser.currentName();
                    map.put(key, read(parser, parser.nextToken()));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    list.add(read(parser, t));
                }
                return list;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                long value = parser.getLongValue();
                if (value > MAX_SAFE_INTEGER || value < -MAX_SAFE_INTEGER) {
                    throw new MalformedException("an integer beyond 2^53");
                }
                return value;
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new MalformedException("a number with a fraction, or an unexpected token");
        }
    }

    /** JSON that Harbor does not accept; the message says why, never what it held. */
    public static final class MalformedException extends IOException {
        private static final long serialVersionUID = 1L;

        public MalformedException(String message) {
            super(message);
        }
    }
}

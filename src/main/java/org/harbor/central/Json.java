package org.harbor.central;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Small JSON values inside encrypted columns (an answer with its non-response, an audit line). */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plain map could not be written as JSON", e);
        }
    }

    static Map<?, ?> readMap(String json) {
        try {
            Object value = MAPPER.readValue(json, Object.class);
            if (value instanceof Map<?, ?> m) {
                return m;
            }
        } catch (JsonProcessingException e) {
            // reported below, without the text
        }
        throw new CentralException("central.error.malformed", "a stored or carried JSON value is not an object");
    }
}

package org.harbor.interview.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A JSON object of a profile file, read field by field. Every problem is an
 * IllegalArgumentException whose message says where in the file it is ("phases[2].goal: …").
 */
record JsonFields(JsonNode json, String where) {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    JsonFields {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException(label(where) + "is not a JSON object");
        }
    }

    static JsonFields root(JsonNode json) {
        return new JsonFields(json, "");
    }

    /** Refuses fields the format does not know, so that a misspelt flag is not silently ignored. */
    void allowOnly(Set<String> known) {
        json.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                throw new IllegalArgumentException(label(where) + "unknown field '" + field + "'");
            }
        });
    }

    String text(String field) {
        JsonNode value = required(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(label(path(field)) + "must be a non-blank text");
        }
        return value.asText();
    }

    boolean flag(String field, boolean absent) {
        JsonNode value = json.get(field);
        if (value == null) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(label(path(field)) + "must be true or false");
        }
        return value.asBoolean();
    }

    JsonFields object(String field) {
        return new JsonFields(required(field), path(field));
    }

    List<JsonFields> objects(String field) {
        JsonNode array = array(field);
        List<JsonFields> objects = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            objects.add(new JsonFields(array.get(i), path(field) + "[" + i + "]"));
        }
        return objects;
    }

    LocalizedText localized(String field) {
        return localized(required(field), path(field));
    }

    Optional<LocalizedText> optionalLocalized(String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(localized(value, path(field)));
    }

    List<LocalizedText> localizedList(String field) {
        JsonNode array = array(field);
        List<LocalizedText> texts = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            texts.add(localized(array.get(i), path(field) + "[" + i + "]"));
        }
        return texts;
    }

    /** A text in every language of {@link LocalizedText#PROFILE_LANGUAGES}, and possibly more. */
    private static LocalizedText localized(JsonNode value, String where) {
        if (!value.isObject()) {
            throw new IllegalArgumentException(label(where) + "must be an object of texts by language, "
                    + "like {\"en\": …, \"es\": …, \"ar\": …}");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        value.properties().forEach(entry -> {
            String language = entry.getKey();
            JsonNode text = entry.getValue();
            if (!LANGUAGE.matcher(language).matches()) {
                throw new IllegalArgumentException(label(where) + "'" + language + "' is not a language code");
            }
            if (!text.isTextual() || text.asText().isBlank()) {
                throw new IllegalArgumentException(label(where) + "the " + languageName(language)
                        + " (" + language + ") text is blank or not a text");
            }
            texts.put(language, text.asText().strip());
        });
        for (String language : LocalizedText.PROFILE_LANGUAGES) {
            if (!texts.containsKey(language)) {
                throw new IllegalArgumentException(label(where) + "has no " + languageName(language)
                        + " (" + language + ") text");
            }
        }
        return new LocalizedText(texts);
    }

    private JsonNode array(String field) {
        JsonNode value = required(field);
        if (!value.isArray()) {
            throw new IllegalArgumentException(label(path(field)) + "must be a list");
        }
        return value;
    }

    private JsonNode required(String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(label(where) + "the field '" + field + "' is missing");
        }
        return value;
    }

    private String path(String field) {
        return where.isEmpty() ? field : where + "." + field;
    }

    private static String label(String where) {
        return where.isEmpty() ? "" : where + ": ";
    }

    private static String languageName(String code) {
        return Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
    }
}

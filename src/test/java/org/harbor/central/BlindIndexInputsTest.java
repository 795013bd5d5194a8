package org.harbor.central;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.harbor.crypto.SecretKey;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The inputs of the blind indexes (normalised tokens, phonetic keys, age bands) and the keyed index itself. */
class BlindIndexInputsTest {

    @Test
    @DisplayName("name tokens: case, accents, punctuation and spacing do not matter; one-letter tokens are dropped")
    void latinTokens() {
        assertEquals(List.of("jose", "maria", "lopez"), NameTokens.of("  JOSÉ-María  López, J. "));
        assertEquals(List.of("strasse", "oeuvre", "lodz"), NameTokens.of("Straße Œuvre Łódź"));
        assertEquals(List.of(), NameTokens.of(" - . "));
        assertEquals(List.of("ana", "lind", "pepe"), NameTokens.ofAll(List.of("Ana Lind", "ANA", "Pepe")));
    }

    @Test
    @DisplayName("name tokens: Arabic harakat, tatweel and letter variants fold; other scripts stay as NFKC gives them")
    void otherScripts() {
        assertEquals(NameTokens.of("فاطمة"), NameTokens.of("فَاطِمَه"));
        assertEquals(NameTokens.of("أحمد"), NameTokens.of("احمـــد"));
        assertEquals(List.of("наташа"), NameTokens.of("Наташа"));
        assertEquals(List.of("ｋｉｍ").size(), NameTokens.of("ｋｉｍ").size());
        assertEquals(List.of("kim"), NameTokens.of("ｋｉｍ"));
    }

    @Test
    @DisplayName("phonetic key: American Soundex for Latin tokens (the National Archives' examples); other scripts unchanged")
    void soundex() {
        assertEquals("R163", Phonetic.key("robert"));
        assertEquals("R163", Phonetic.key("rupert"));
        assertEquals("A261", Phonetic.key("ashcraft"));
        assertEquals("T522", Phonetic.key("tymczak"));
        assertEquals("P236", Phonetic.key("pfister"));
        assertEquals("L000", Phonetic.key("lee"));
        assertEquals(Phonetic.key("mohamed"), Phonetic.key("muhammad"));
        assertNotEquals(Phonetic.key("katarina"), Phonetic.key("grace"));
        assertEquals("فاطمه", Phonetic.key("فاطمه"));
    }

    @Test
    @DisplayName("age bands are CTDC's: 0-8, 9-17, 18-20, 21-23, 24-26, 27-29, 30-38, 39-47, 48+")
    void ageBands() {
        assertEquals("0-8", CaseContent.band(0));
        assertEquals("9-17", CaseContent.band(9));
        assertEquals("9-17", CaseContent.band(17));
        assertEquals("18-20", CaseContent.band(18));
        assertEquals("30-38", CaseContent.band(38));
        assertEquals("48+", CaseContent.band(48));
    }

    @Test
    @DisplayName("blind index: keyed (another office's key gives another value), separated by kind, 16 bytes")
    void keyedIndex() {
        try (SecretKey k1 = SecretKey.random(); SecretKey k2 = SecretKey.random();
             CentralKeys a = CentralKeys.fromDataKey(k1); CentralKeys b = CentralKeys.fromDataKey(k2)) {
            assertEquals(16, a.blind("name", "maria").length);
            assertArrayEquals(a.blind("name", "maria"), a.blind("name", "maria"));
            assertFalse(java.util.Arrays.equals(a.blind("name", "maria"), b.blind("name", "maria")));
            assertFalse(java.util.Arrays.equals(a.blind("name", "2009"), a.blind("birth_year", "2009")));
        }
    }

    @Test
    @DisplayName("field encryption: a value opens only in its own row and column, and only with its case key")
    void fieldContext() {
        try (SecretKey data = SecretKey.random(); CentralKeys keys = CentralKeys.fromDataKey(data)) {
            CentralKeys.CaseKey ck = keys.newCaseKey("case-1");
            byte[] sealed = CentralKeys.seal(ck.key(), "central_persons.name|p1", "Ana");
            assertEquals("Ana", CentralKeys.openText(ck.key(), "central_persons.name|p1", sealed));
            assertThrows(CentralException.class, () -> CentralKeys.openText(ck.key(), "central_persons.name|p2", sealed));
            assertThrows(CentralException.class, () -> CentralKeys.openText(ck.key(), "central_persons.aliases|p1", sealed));
            try (SecretKey reopened = keys.openCaseKey("case-1", ck.wrapped())) {
                assertEquals("Ana", CentralKeys.openText(reopened, "central_persons.name|p1", sealed));
            }
            assertThrows(CentralException.class, () -> keys.openCaseKey("case-2", ck.wrapped()));
            ck.key().destroy();
        }
    }

    @Test
    @DisplayName("migrations: split at line-ending semicolons, comments dropped; the bundled files of both dialects list the same tables")
    void migrations() {
        assertEquals(List.of("CREATE TABLE a (x INTEGER);", "CREATE INDEX b ON a(x);"),
                CentralSchema.statements("-- note\nCREATE TABLE a (x INTEGER);\n\nCREATE INDEX b ON a(x);\n"));
        String sqlite = CentralSchema.bundled(CentralSchema.Dialect.SQLITE).getFirst().sql();
        String pg = CentralSchema.bundled(CentralSchema.Dialect.POSTGRESQL).getFirst().sql();
        assertEquals(tables(sqlite).replace("central_keyring", ""), tables(pg).replace("central_meta", ""));
    }

    private static String tables(String sql) {
        return String.join(",", java.util.regex.Pattern.compile("CREATE TABLE (\\w+)").matcher(sql).results().map(m -> m.group(1)).toList());
    }
}

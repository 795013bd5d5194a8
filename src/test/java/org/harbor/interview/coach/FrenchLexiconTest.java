package org.harbor.interview.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The French lexicon (issue 19)")
class FrenchLexiconTest {

    private static List<String> folded(String text) {
        return FrenchLexicon.INSTANCE.tokens(text).stream().filter(Words.Token::isWord).map(Words.Token::folded).toList();
    }

    @Test
    @DisplayName("splits elisions and inverted pronouns: \"N'as-tu\", \"a-t-il\", \"raconte-moi\", \"d'eau\"")
    void elisionsAndInversion() {
        assertEquals(List.of("ne", "as", "tu", "pas", "vu", "l'", "homme"), folded("N'as-tu pas vu l'homme ?"));
        assertEquals(List.of("a", "il", "pris", "ton", "telephone"), folded("A-t-il pris ton téléphone ?"));
        assertEquals(List.of("raconte", "moi", "tout"), folded("Raconte-moi tout."));
        assertEquals(List.of("tu", "veux", "un", "verre", "de", "eau"), folded("Tu veux un verre d’eau ?"));
        assertEquals(List.of("peut-etre", "aujourd'hui"), folded("peut-être aujourd'hui"));
    }

    @Test
    @DisplayName("reads \"qu'est-ce que\" as one interrogative, drops \"est-ce que\" after one, and marks it before a yes/no question")
    void estCeQue() {
        assertEquals(List.of("que", "tu", "as", "vu"), folded("Qu'est-ce que tu as vu ?"));
        assertEquals(List.of("où", "tu", "dormais"), folded("Où est-ce que tu dormais ?"));
        assertEquals(List.of("estceque", "tu", "avais", "peur"), folded("Est-ce que tu avais peur ?"));
    }

    @Test
    @DisplayName("reads \"s'est passé\" as happened and the impersonal \"il\" as no person")
    void happenedAndImpersonal() {
        assertEquals(List.of("que", "passe", "ensuite"), folded("Qu'est-ce qui s'est passé ensuite ?"));
        assertEquals(List.of("que", "passe"), folded("Qu'est-ce qu'il s'est passé ?"));
        assertEquals(List.of("ce", "y", "avait", "des", "enfants"), folded("Il y avait des enfants."));
        assertEquals(List.of("y", "avait", "ce", "de", "autres", "filles"), folded("Y avait-il d'autres filles ?"));
    }

    @Test
    @DisplayName("keeps \"où\" apart from \"ou\" (or)")
    void ouAndOu() {
        assertEquals(List.of("où", "ou"), folded("où ou"));
    }

    @Test
    @DisplayName("stems inflections to one form: frappé, frappait, frapper; mangeais, manger")
    void stems() {
        FrenchLexicon fr = FrenchLexicon.INSTANCE;
        assertEquals(fr.stem("frapper"), fr.stem("frappe"));
        assertEquals(fr.stem("frapper"), fr.stem("frappait"));
        assertEquals(fr.stem("manger"), fr.stem("mangeais"));
        assertEquals(fr.stem("prendre"), fr.stem("pris"));
    }
}

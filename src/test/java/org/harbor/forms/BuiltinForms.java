package org.harbor.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.javarosa.core.model.FormDef;
import org.javarosa.core.model.GroupDef;
import org.javarosa.core.model.IFormElement;
import org.javarosa.core.model.QuestionDef;
import org.javarosa.core.model.instance.TreeElement;

/** The built-in forms as the tests read them: from the classpath, through {@link FormLoader}. */
final class BuiltinForms {

    static final String DIR = "/org/harbor/forms/builtin/";
    /** Every built-in form is written in every shipped display language. */
    static final List<String> LANGUAGES = org.harbor.i18n.I18n.SHIPPED;

    private BuiltinForms() {
    }

    /** The file names of {@code index.txt}, in order. */
    static List<String> index() {
        return new String(bytes("index.txt"), StandardCharsets.UTF_8).lines()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    static byte[] bytes(String name) {
        try (InputStream in = BuiltinForms.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("no built-in resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LoadedForm load(String name) {
        try {
            return new FormLoader().load(bytes(name));
        } catch (FormRejectedException e) {
            throw new AssertionError(name + " was refused: " + e.reason(), e);
        }
    }

    /** Every group and question of the form, depth first, in document order. */
    static void walk(IFormElement element, Consumer<IFormElement> visitor) {
        if (element.getChildren() == null) {
            return;
        }
        for (IFormElement child : element.getChildren()) {
            visitor.accept(child);
            if (child instanceof GroupDef) {
                walk(child, visitor);
            }
        }
    }

    static List<QuestionDef> questions(FormDef form) {
        List<QuestionDef> out = new java.util.ArrayList<>();
        walk(form, e -> {
            if (e instanceof QuestionDef q) {
                out.add(q);
            }
        });
        return out;
    }

    /** Every element of the primary instance, templates of repeats included. */
    static void walkInstance(TreeElement element, Consumer<TreeElement> visitor) {
        visitor.accept(element);
        for (int i = 0; i < element.getNumChildren(); i++) {
            walkInstance(element.getChildAt(i), visitor);
        }
    }
}

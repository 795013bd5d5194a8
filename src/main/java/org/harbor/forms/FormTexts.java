package org.harbor.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.javarosa.core.model.SelectChoice;
import org.javarosa.core.model.data.IAnswerData;
import org.javarosa.core.model.instance.TreeElement;
import org.javarosa.form.api.FormEntryCaption;
import org.javarosa.form.api.FormEntryController;
import org.javarosa.form.api.FormEntryPrompt;

/**
 * A form's texts in two languages at once: the interview language (what the survivor reads) and,
 * when different, the display language of the person filling it in.
 */
final class FormTexts {

    /** A question's label and hint in both languages; the {@code Ui} ones are null when they are the same. */
    record Both(String text, String textUi, String hint, String hintUi) {
    }

    private final FormEntryController controller;
    private final String interviewLanguage;
    private final String interview;
    private final String ui;
    private List<FormPage.Section> sections = List.of();

    FormTexts(FormEntryController controller, String interviewLanguage, String interviewFormLanguage, String uiFormLanguage) {
        this.controller = controller;
        this.interviewLanguage = interviewLanguage;
        this.interview = interviewFormLanguage;
        this.ui = uiFormLanguage;
        if (interview != null) {
            controller.setLanguage(interview);
        }
    }

    String interviewLanguage() {
        return interviewLanguage;
    }

    private boolean twoLanguages() {
        return interview != null && ui != null && !interview.equals(ui);
    }

    Both question(FormEntryPrompt prompt) {
        String text = nonNull(prompt.getQuestionText());
        String hint = nonNull(prompt.getHelpText());
        if (!twoLanguages()) {
            return new Both(text, null, hint, null);
        }
        controller.setLanguage(ui);
        try {
            String textUi = nonNull(prompt.getQuestionText());
            String hintUi = nonNull(prompt.getHelpText());
            return new Both(text, differs(text, textUi), hint, differs(hint, hintUi));
        } finally {
            controller.setLanguage(interview);
        }
    }

    String[] captionBoth(FormEntryCaption caption) {
        String text = nonNull(caption.getQuestionText());
        if (!twoLanguages()) {
            return new String[] {text, null};
        }
        controller.setLanguage(ui);
        try {
            return new String[] {text, differs(text, nonNull(caption.getQuestionText()))};
        } finally {
            controller.setLanguage(interview);
        }
    }

    String[] choiceBoth(FormEntryPrompt prompt, SelectChoice choice) {
        String text = nonNull(prompt.getSelectChoiceText(choice));
        if (!twoLanguages()) {
            return new String[] {text, null};
        }
        controller.setLanguage(ui);
        try {
            return new String[] {text, differs(text, nonNull(prompt.getSelectChoiceText(choice)))};
        } finally {
            controller.setLanguage(interview);
        }
    }

    /** The form's own constraint message for this value, in the interview language; null when it has none. */
    String constraint(FormEntryPrompt prompt, TreeElement node, IAnswerData data) {
        return constraintMessage(prompt, node, data);
    }

    /**
     * The constraint message for a refused value. An {@code <output>} in the message sees the
     * refused value as {@code .} (the intake's date of birth says "no such date" or "in the
     * future" by it): JavaRosa fills outputs from the instance, so the value is put there for the
     * time of the call, without recalculation, and the earlier value is put back.
     */
    static String constraintMessage(FormEntryPrompt prompt, TreeElement node, IAnswerData data) {
        IAnswerData kept = node == null ? null : node.getValue();
        if (node != null) {
            node.setAnswer(data);
        }
        try {
            String message = prompt.getConstraintText(data);
            return message == null || message.isBlank() ? null : message;
        } finally {
            if (node != null) {
                node.setAnswer(kept);
            }
        }
    }

    /** The form's own "required" message, if any; else null (the renderer says it in the display language). */
    String requiredMessage(FormEntryPrompt prompt) {
        String message = prompt.getSpecialFormQuestionText("requiredMsg");
        return message == null || message.isBlank() ? "" : message;
    }

    void sections(List<FormPage.Section> list) {
        sections = List.copyOf(list);
    }

    List<FormPage.Section> sections() {
        return sections;
    }

    static List<FormPage.Section> copy(List<FormPage.Section> in) {
        return new ArrayList<>(in);
    }

    private static String differs(String a, String b) {
        return Objects.equals(a, b) ? null : b;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}

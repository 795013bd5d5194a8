package org.harbor.forms;

import java.util.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import org.javarosa.core.model.FormDef;
import org.javarosa.core.model.FormIndex;
import org.javarosa.core.model.SelectChoice;
import org.javarosa.core.model.data.DateData;
import org.javarosa.core.model.data.IAnswerData;
import org.javarosa.core.model.data.IntegerData;
import org.javarosa.core.model.data.SelectMultiData;
import org.javarosa.core.model.data.SelectOneData;
import org.javarosa.core.model.data.StringData;
import org.javarosa.core.model.data.helper.Selection;
import org.javarosa.core.model.instance.TreeElement;
import org.javarosa.core.model.instance.TreeReference;
import org.javarosa.form.api.FormEntryController;
import org.javarosa.form.api.FormEntryModel;
import org.javarosa.form.api.FormEntryPrompt;
import org.javarosa.model.xform.XPathReference;

/** Drives a real JavaRosa form session, as the engine does, by question path. */
final class FormDriver {

    final FormDef form;
    final FormEntryController controller;

    FormDriver(String builtin, String language) {
        this.form = BuiltinForms.load(builtin).definition();
        this.controller = new FormEntryController(new FormEntryModel(form));
        controller.setLanguage(language);
    }

    /** The index of a relevant question, found by walking the form as a user would. */
    FormIndex find(String path) {
        controller.jumpToIndex(FormIndex.createBeginningOfFormIndex());
        int event;
        while ((event = controller.stepToNextEvent()) != FormEntryController.EVENT_END_OF_FORM) {
            if (event == FormEntryController.EVENT_QUESTION
                    && indexed(path).equals(controller.getModel().getFormIndex().getReference().toString(true))) {
                return controller.getModel().getFormIndex();
            }
        }
        return null;
    }

    /** "/data/guardians[2]/name" as JavaRosa writes it: "/data[1]/guardians[2]/name[1]". */
    static String indexed(String path) {
        StringBuilder out = new StringBuilder();
        for (String step : path.substring(1).split("/")) {
            out.append('/').append(step).append(step.endsWith("]") ? "" : "[1]");
        }
        return out.toString().replaceFirst("^/data\\[1]", "/data");
    }

    boolean shows(String path) {
        return find(path) != null;
    }

    FormEntryPrompt prompt(String path) {
        FormIndex index = require(path);
        return controller.getModel().getQuestionPrompt(index);
    }

    int answer(String path, IAnswerData value) {
        return controller.answerQuestion(require(path), value, true);
    }

    int answerInt(String path, int value) {
        return answer(path, new IntegerData(value));
    }

    int answerDate(String path, LocalDate date) {
        return answer(path, new DateData(Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant())));
    }

    /** An answer typed as text, cast to the question's own data type as the engine does (date, int, string…). */
    int answerTyped(String path, String text) {
        FormEntryPrompt prompt = prompt(path);
        return answer(path, org.javarosa.core.model.data.AnswerDataFactory.templateByDataType(prompt.getDataType())
                .cast(new org.javarosa.core.model.data.UncastData(text)));
    }

    /** Clears a question's value, as a non-response ("don't know", "prefer not to say") does. */
    int clear(String path) {
        return controller.answerQuestion(require(path), null, true);
    }

    /** The constraint message the engine shows for a refused typed value (FormSession's way). */
    String constraintText(String path, String text) {
        FormIndex index = require(path);
        FormEntryPrompt prompt = controller.getModel().getQuestionPrompt(index);
        IAnswerData data = org.javarosa.core.model.data.AnswerDataFactory.templateByDataType(prompt.getDataType())
                .cast(new org.javarosa.core.model.data.UncastData(text));
        return FormTexts.constraintMessage(prompt, form.getMainInstance().resolveReference(index.getReference()), data);
    }

    int answerText(String path, String text) {
        return answer(path, new StringData(text));
    }

    int choose(String path, String value) {
        FormEntryPrompt prompt = prompt(path);
        for (SelectChoice choice : prompt.getSelectChoices()) {
            if (choice.getValue().equals(value)) {
                return answer(path, new SelectOneData(new Selection(choice)));
            }
        }
        throw new IllegalArgumentException(path + " has no choice " + value);
    }

    int chooseMany(String path, String... values) {
        FormEntryPrompt prompt = prompt(path);
        java.util.List<Selection> chosen = new java.util.ArrayList<>();
        for (String value : values) {
            SelectChoice match = prompt.getSelectChoices().stream().filter(c -> c.getValue().equals(value))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException(path + " has no choice " + value));
            chosen.add(new Selection(match));
        }
        return answer(path, new SelectMultiData(chosen));
    }

    /** Adds one entry to the repeat at {@code path}, as the user's "add" does. */
    void addRepeat(String path) {
        controller.jumpToIndex(FormIndex.createBeginningOfFormIndex());
        int event;
        while ((event = controller.stepToNextEvent()) != FormEntryController.EVENT_END_OF_FORM) {
            if (event == FormEntryController.EVENT_PROMPT_NEW_REPEAT
                    && controller.getModel().getFormIndex().getReference().genericize().toString(false).equals(path)) {
                controller.newRepeat();
                return;
            }
        }
        throw new IllegalStateException("no new-repeat prompt for " + path);
    }

    /** The value held by any node of the primary instance, calculated or not ("" when empty). */
    String value(String path) {
        TreeReference ref = path.contains("[") ? require(path).getReference()
                : (TreeReference) new XPathReference(path).getReference();
        TreeElement element = form.getMainInstance().resolveReference(ref);
        if (element == null) {
            throw new IllegalArgumentException("no node " + path);
        }
        return element.getValue() == null ? "" : element.getValue().uncast().getString();
    }

    private FormIndex require(String path) {
        FormIndex index = find(path);
        if (index == null) {
            throw new IllegalStateException(path + " is not shown");
        }
        return index;
    }
}

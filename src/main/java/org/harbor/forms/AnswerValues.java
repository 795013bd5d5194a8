package org.harbor.forms;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.javarosa.core.model.SelectChoice;
import org.javarosa.core.model.data.AnswerDataFactory;
import org.javarosa.core.model.data.DateData;
import org.javarosa.core.model.data.DecimalData;
import org.javarosa.core.model.data.IAnswerData;
import org.javarosa.core.model.data.IntegerData;
import org.javarosa.core.model.data.LongData;
import org.javarosa.core.model.data.SelectMultiData;
import org.javarosa.core.model.data.SelectOneData;
import org.javarosa.core.model.data.StringData;
import org.javarosa.core.model.data.UncastData;
import org.javarosa.core.model.data.helper.Selection;
import org.javarosa.core.model.utils.DateUtils;
import org.javarosa.form.api.FormEntryPrompt;
import org.javarosa.core.model.Constants;

/** Turns what was typed or stored (XForm instance text) into JavaRosa answer data, refusing what does not fit. */
final class AnswerValues {

    private AnswerValues() {
    }

    /** @throws IllegalArgumentException when {@code text} is not a value of the question's type (no value in the message) */
    static IAnswerData parse(QuestionKind kind, FormEntryPrompt prompt, String text) {
        try {
            return switch (kind) {
                case TEXT -> new StringData(text);
                case INTEGER -> prompt.getDataType() == Constants.DATATYPE_LONG
                        ? new LongData(Long.parseLong(text)) : new IntegerData(Integer.parseInt(text));
                case DECIMAL -> decimal(text);
                case DATE -> {
                    LocalDate.parse(text);
                    yield new DateData(DateUtils.parseDate(text));
                }
                case ACKNOWLEDGE -> new StringData("OK");
                case SELECT_ONE -> new SelectOneData(choice(prompt, text));
                case SELECT_MANY -> {
                    List<Selection> selections = new ArrayList<>();
                    for (String v : text.split("\\s+")) {
                        selections.add(choice(prompt, v));
                    }
                    yield new SelectMultiData(selections);
                }
                case TIME, DATE_TIME -> AnswerDataFactory.templateByDataType(prompt.getDataType()).cast(new UncastData(text));
                default -> throw new IllegalArgumentException("Harbor does not take answers of this kind");
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a value of the question's type");
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a value of the question's type");
        }
    }

    private static IAnswerData decimal(String text) {
        double d = Double.parseDouble(text.replace(',', '.'));
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("not a number");
        }
        return new DecimalData(d);
    }

    private static Selection choice(FormEntryPrompt prompt, String value) {
        List<SelectChoice> choices = prompt.getSelectChoices();
        if (choices != null) {
            for (SelectChoice choice : choices) {
                if (choice.getValue().equals(value)) {
                    return choice.selection();
                }
            }
        }
        throw new IllegalArgumentException("not one of the question's choices");
    }

    /** A repeat count above what Harbor allows (a hostile or mistaken form). */
    static boolean exceedsRepeats(String text) {
        try {
            return Long.parseLong(text.strip()) > FormLoader.MAX_REPEATS;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

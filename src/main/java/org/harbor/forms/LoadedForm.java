package org.harbor.forms;

import java.util.List;
import java.util.SortedSet;
import org.javarosa.core.model.FormDef;

/**
 * A parsed XForm and what Harbor can do with it.
 *
 * @param definition the JavaRosa form definition
 * @param formId the form's id ({@code id} attribute of the primary instance's root)
 * @param version the form's version attribute, or empty
 * @param questions every question, in document order
 * @param notAvailable the kinds of question Harbor does not offer (shown as skippable notes)
 */
public record LoadedForm(FormDef definition, String formId, String version, List<QuestionInfo> questions,
                         SortedSet<String> notAvailable) {

    public boolean fullySupported() {
        return notAvailable.isEmpty();
    }
}

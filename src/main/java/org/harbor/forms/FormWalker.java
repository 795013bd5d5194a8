package org.harbor.forms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.javarosa.core.model.FormDef;
import org.javarosa.core.model.FormIndex;
import org.javarosa.core.model.GroupDef;
import org.javarosa.core.model.IFormElement;
import org.javarosa.core.model.data.IAnswerData;
import org.javarosa.core.model.instance.TreeElement;
import org.javarosa.core.model.instance.TreeReference;
import org.javarosa.form.api.FormEntryCaption;
import org.javarosa.form.api.FormEntryController;
import org.javarosa.form.api.FormEntryModel;
import org.javarosa.form.api.FormEntryPrompt;

/**
 * Moves through a form the way a person fills it: page by page, where a page is one question, a
 * field-list group, or the offer of another repeat entry; groups that are not pages are passed
 * through, and what is not relevant is skipped.
 */
final class FormWalker {

    /** More steps than any real form needs: a guard against hostile forms, never reached by ours. */
    static final int MAX_STEPS = 200_000;
    static final String END = "end";

    /** The repeat entry a page is in. */
    record Entry(FormIndex index, int number, int count, boolean removable) {
    }

    /** What a removal took away: the repeat's path, which entry, and how many there were. */
    record Removal(String repeatPath, int entry, int count) {
    }

    /** A question bound to a case fact, outside any repeat. */
    record FactQuestion(FormIndex index, String path, String factKey) {
    }

    private final FormDef form;
    private final FormEntryModel model;
    private final FormEntryController controller;
    private final Set<String> countSources = new HashSet<>();
    private final Map<String, FormIndex> lastPage = new HashMap<>();

    FormWalker(FormDef form) {
        this.form = form;
        this.model = new FormEntryModel(form);
        this.controller = new FormEntryController(model);
        collectCountSources(form);
    }

    FormDef form() {
        return form;
    }

    FormEntryModel model() {
        return model;
    }

    FormEntryController controller() {
        return controller;
    }

    TreeElement element(FormIndex index) {
        return form.getMainInstance().resolveReference(index.getReference());
    }

    FormIndex current() {
        return model.getFormIndex();
    }

    boolean isCountSource(String path) {
        return countSources.contains(path);
    }

    // --- position ------------------------------------------------------------------------

    String positionKey() {
        FormIndex index = current();
        return index.isInForm() ? index.toString() : END;
    }

    /** Goes to the page saved as {@code key}, or to the first page when it is gone. */
    void restore(String key) {
        if (END.equals(key)) {
            controller.jumpToIndex(FormIndex.createEndOfFormIndex());
            return;
        }
        if (key != null && !key.isEmpty()) {
            FormIndex index = first();
            for (int steps = 0; index.isInForm() && steps < MAX_STEPS; steps++) {
                if (index.toString().equals(key)) {
                    controller.jumpToIndex(firstStopFrom(pageOf(index)));
                    return;
                }
                index = model.incrementIndex(index, true);
            }
        }
        controller.jumpToIndex(firstPage());
    }

    // --- navigation ----------------------------------------------------------------------

    void forward() {
        FormIndex index = current();
        if (!index.isInForm()) {
            return;
        }
        int event = model.getEvent(index);
        boolean group = event == FormEntryController.EVENT_GROUP || event == FormEntryController.EVENT_REPEAT;
        controller.jumpToIndex(firstStopFrom(model.incrementIndex(index, !group)));
    }

    void backward() {
        FormIndex index = model.decrementIndex(current());
        for (int steps = 0; index.isInForm() && steps < MAX_STEPS; steps++) {
            FormIndex page = pageOf(index);
            if (model.getEvent(page) != FormEntryController.EVENT_PROMPT_NEW_REPEAT && model.isIndexRelevant(page)
                    && model.isIndexRelevant(index) && isPageStop(page)) {
                controller.jumpToIndex(page);
                return;
            }
            index = model.decrementIndex(index);
        }
        controller.jumpToIndex(firstPage());
    }

    boolean atStart() {
        return current().equals(firstPage());
    }

    void jumpToPageOf(FormIndex index) {
        controller.jumpToIndex(firstStopFrom(pageOf(index)));
    }

    FormIndex firstPage() {
        return firstStopFrom(first());
    }

    private FormIndex first() {
        return model.incrementIndex(FormIndex.createBeginningOfFormIndex(), true);
    }

    /** The first page at or after {@code index}, or the end of the form. */
    FormIndex firstStopFrom(FormIndex index) {
        for (int steps = 0; index.isInForm(); steps++) {
            if (steps > MAX_STEPS) {
                throw new IllegalStateException("the form has more elements than Harbor walks");
            }
            if (!model.isIndexRelevant(index)) {
                index = model.incrementIndex(index, false);
                continue;
            }
            if (isPageStop(index)) {
                return index;
            }
            index = model.incrementIndex(index, true);
        }
        return FormIndex.createEndOfFormIndex();
    }

    private boolean isPageStop(FormIndex index) {
        return switch (model.getEvent(index)) {
            case FormEntryController.EVENT_QUESTION -> pageOf(index).equals(index);
            case FormEntryController.EVENT_PROMPT_NEW_REPEAT, FormEntryController.EVENT_END_OF_FORM -> true;
            case FormEntryController.EVENT_GROUP, FormEntryController.EVENT_REPEAT ->
                    FormSession.fieldList(form.getChild(index)) && pageOf(index).equals(index);
            default -> false;
        };
    }

    /** The outermost field-list group holding {@code index}, or the index itself. */
    FormIndex pageOf(FormIndex index) {
        if (!index.isInForm()) {
            return index;
        }
        for (FormEntryCaption caption : model.getCaptionHierarchy(index)) {
            if (FormSession.fieldList(caption.getFormElement())) {
                return caption.getIndex();
            }
        }
        return index;
    }

    /** The relevant questions of a page, in order. */
    List<FormIndex> questionsOf(FormIndex page) {
        lastPage.clear();
        List<FormIndex> out = new ArrayList<>();
        int event = model.getEvent(page);
        if (event == FormEntryController.EVENT_QUESTION) {
            out.add(page);
        } else if (event == FormEntryController.EVENT_GROUP || event == FormEntryController.EVENT_REPEAT) {
            FormIndex end = model.incrementIndex(page, false);
            FormIndex index = model.incrementIndex(page, true);
            for (int steps = 0; index.isInForm() && before(index, end) && steps < MAX_STEPS; steps++) {
                if (!model.isIndexRelevant(index)) {
                    index = model.incrementIndex(index, false);
                    continue;
                }
                if (model.getEvent(index) == FormEntryController.EVENT_QUESTION) {
                    out.add(index);
                }
                index = model.incrementIndex(index, true);
            }
        }
        for (FormIndex q : out) {
            lastPage.put(InstancePaths.of(form, q), q);
        }
        return out;
    }

    private static boolean before(FormIndex index, FormIndex end) {
        return !end.isInForm() || index.compareTo(end) < 0;
    }

    /** A question by its id: on the current page first, else anywhere in the form. */
    FormIndex find(String questionId) {
        FormIndex onPage = lastPage.get(questionId);
        if (onPage != null && model.getEvent(onPage) == FormEntryController.EVENT_QUESTION
                && InstancePaths.of(form, onPage).equals(questionId)) {
            return onPage;
        }
        FormIndex index = first();
        for (int steps = 0; index.isInForm() && steps < MAX_STEPS; steps++) {
            if (model.getEvent(index) == FormEntryController.EVENT_QUESTION && InstancePaths.of(form, index).equals(questionId)) {
                return index;
            }
            index = model.incrementIndex(index, true);
        }
        throw new IllegalArgumentException("the form has no such question");
    }

    /** The caption to show over a page: the group of a group page, else the nearest enclosing group. */
    Optional<FormEntryCaption> titleCaption(FormIndex page) {
        FormEntryCaption[] hierarchy = model.getCaptionHierarchy(page);
        int event = model.getEvent(page);
        if (event == FormEntryController.EVENT_GROUP || event == FormEntryController.EVENT_REPEAT) {
            return Optional.of(hierarchy[hierarchy.length - 1]);
        }
        return hierarchy.length >= 2 ? Optional.of(hierarchy[hierarchy.length - 2]) : Optional.empty();
    }

    /** The innermost repeat entry holding the page, or null. */
    Entry entryOf(FormIndex page) {
        if (!page.isInForm() || model.getEvent(page) == FormEntryController.EVENT_PROMPT_NEW_REPEAT) {
            return null;
        }
        FormEntryCaption[] hierarchy = model.getCaptionHierarchy(page);
        for (int i = hierarchy.length - 1; i >= 0; i--) {
            FormEntryCaption caption = hierarchy[i];
            if (caption.repeats() && caption.getFormElement() instanceof GroupDef group) {
                boolean removable = group.getCountReference() == null && !group.noAddRemove;
                return new Entry(caption.getIndex(), caption.getMultiplicity() + 1, caption.getNumRepetitions(), removable);
            }
        }
        return null;
    }

    // --- repeats -------------------------------------------------------------------------

    /** At an "add another" prompt: creates the entry, moves to its first page, returns the entry's path. */
    String addRepeat() {
        FormIndex index = current();
        if (model.getEvent(index) != FormEntryController.EVENT_PROMPT_NEW_REPEAT) {
            throw new IllegalStateException("not at an 'add another' page");
        }
        String path = InstancePaths.of(form, index);
        controller.newRepeat(index);
        controller.jumpToIndex(firstStopFrom(index));
        return path;
    }

    Removal removeEntry() {
        Entry entry = entryOf(current());
        if (entry == null || !entry.removable()) {
            throw new IllegalStateException("not inside a removable repeat entry");
        }
        String entryPath = InstancePaths.of(form, entry.index());
        String repeatPath = entryPath.substring(0, entryPath.lastIndexOf('['));
        FormIndex after = controller.deleteRepeat(entry.index());
        controller.jumpToIndex(firstStopFrom(after == null ? entry.index() : after));
        return new Removal(repeatPath, entry.number(), entry.count());
    }

    // --- whole-form walks ----------------------------------------------------------------

    /** Rebuilds the instance from stored answers: repeat entries first, then values, in document order. */
    void replay(Map<String, StoredAnswer> stored) {
        Set<String> entries = new HashSet<>();
        for (String path : stored.keySet()) {
            entries.addAll(InstancePaths.entryPrefixes(path));
        }
        FormIndex index = first();
        for (int steps = 0; index.isInForm() && steps < MAX_STEPS; steps++) {
            int event = model.getEvent(index);
            if (event == FormEntryController.EVENT_PROMPT_NEW_REPEAT && entries.contains(InstancePaths.of(form, index))) {
                controller.newRepeat(index);
                continue; // the entry exists now: step into it from the same index
            }
            if (event == FormEntryController.EVENT_QUESTION) {
                StoredAnswer answer = stored.get(InstancePaths.of(form, index));
                if (answer != null && answer.value() != null) {
                    FormEntryPrompt prompt = model.getQuestionPrompt(index);
                    try {
                        IAnswerData data = AnswerValues.parse(FormLoader.kindOf(form, prompt.getQuestion()), prompt, answer.value());
                        controller.saveAnswer(index, data, true);
                    } catch (IllegalArgumentException e) {
                        // a value the form no longer takes (a choice removed): left for the person to answer again
                    }
                }
            }
            index = model.incrementIndex(index, true);
        }
    }

    /** Questions bound to facts, outside repeats. */
    List<FactQuestion> factQuestions() {
        List<FactQuestion> out = new ArrayList<>();
        FormIndex index = first();
        for (int steps = 0; index.isInForm() && steps < MAX_STEPS; steps++) {
            if (model.getEvent(index) == FormEntryController.EVENT_QUESTION) {
                String path = InstancePaths.of(form, index);
                String key = HarborBinds.of(element(index)).factKey();
                if (key != null && !InstancePaths.inRepeat(path)) {
                    out.add(new FactQuestion(index, path, key));
                }
            }
            index = model.incrementIndex(index, true);
        }
        return out;
    }

    /**
     * The facts no question asks: instance nodes outside repeats with a {@code harbor:fact} whose
     * value a calculate bind gives (the intake's {@code survivor.treated_as_child}). Fact key →
     * current value, "" when empty; in instance order.
     */
    Map<String, String> derivedFacts() {
        Set<TreeReference> asked = new HashSet<>();
        questionRefs(form, asked);
        Map<String, String> out = new LinkedHashMap<>();
        derivedFacts(form.getMainInstance().getRoot(), asked, out);
        return out;
    }

    private static void questionRefs(IFormElement element, Set<TreeReference> out) {
        if (element instanceof org.javarosa.core.model.QuestionDef q && q.getBind() != null) {
            out.add(((TreeReference) q.getBind().getReference()).genericize());
        }
        if (element.getChildren() != null) {
            for (IFormElement child : element.getChildren()) {
                questionRefs(child, out);
            }
        }
    }

    private static void derivedFacts(TreeElement parent, Set<TreeReference> asked, Map<String, String> out) {
        for (int i = 0; i < parent.getNumChildren(); i++) {
            TreeElement child = parent.getChildAt(i);
            if (child.isRepeatable() || child.getMult() == TreeReference.INDEX_TEMPLATE) {
                continue; // facts are never kept per repeat entry
            }
            String key = HarborBinds.of(child).factKey();
            if (key != null && !asked.contains(child.getRef().genericize())) {
                out.put(key, child.getValue() == null ? "" : child.getValue().uncast().getString());
            }
            derivedFacts(child, asked, out);
        }
    }

    /** The first relevant required question with neither value nor non-response, or null. */
    FormIndex firstMissingRequired(Set<String> withNonResponse) {
        FormIndex index = first();
        for (int steps = 0; index.isInForm() && steps < MAX_STEPS; steps++) {
            if (!model.isIndexRelevant(index)) {
                index = model.incrementIndex(index, false);
                continue;
            }
            if (model.getEvent(index) == FormEntryController.EVENT_QUESTION) {
                FormEntryPrompt prompt = model.getQuestionPrompt(index);
                if (prompt.isRequired() && !prompt.isReadOnly() && prompt.getAnswerValue() == null
                        && !withNonResponse.contains(InstancePaths.of(form, index))) {
                    return index;
                }
            }
            index = model.incrementIndex(index, true);
        }
        return null;
    }

    /** The top-level groups, by local index, with their first index: the jump list. */
    LinkedHashMap<String, FormIndex> sections() {
        LinkedHashMap<String, FormIndex> out = new LinkedHashMap<>();
        FormIndex index = first();
        for (int steps = 0; index.isInForm() && steps < MAX_STEPS; steps++) {
            String key = Integer.toString(index.getLocalIndex());
            IFormElement element = form.getChild(index);
            if (element instanceof GroupDef && !out.containsKey(key)) {
                out.put(key, index);
            }
            index = model.incrementIndex(index, false);
        }
        return out;
    }

    int sectionOf(FormIndex page, List<FormPage.Section> sections) {
        if (!page.isInForm()) {
            return -1;
        }
        String key = Integer.toString(page.getLocalIndex());
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    void jumpToSection(String key) {
        FormIndex start = sections().get(key);
        if (start == null) {
            throw new IllegalArgumentException("the form has no such section");
        }
        controller.jumpToIndex(firstStopFrom(start));
    }

    private void collectCountSources(IFormElement element) {
        if (element.getChildren() == null) {
            return;
        }
        for (IFormElement child : element.getChildren()) {
            if (child instanceof GroupDef group) {
                if (group.getRepeat() && group.getCountReference() != null
                        && group.getCountReference().getReference() instanceof TreeReference ref) {
                    TreeElement node = form.getMainInstance().resolveReference(ref);
                    if (node != null) {
                        countSources.add(InstancePaths.of(node));
                    }
                }
                collectCountSources(group);
            }
        }
    }
}

package org.harbor.forms;

import java.util.ArrayList;
import java.util.List;
import org.javarosa.core.model.FormDef;
import org.javarosa.core.model.FormIndex;
import org.javarosa.core.model.instance.FormInstance;
import org.javarosa.core.model.instance.TreeElement;
import org.javarosa.core.model.instance.TreeReference;

/**
 * Stable names for answers: the instance path with 1-based positions on repeat entries only, as in
 * {@code /data/guardians[2]/name}. The same question of the same entry always gets the same path.
 */
final class InstancePaths {

    private InstancePaths() {
    }

    static String of(FormDef form, TreeReference ref) {
        FormInstance instance = form.getMainInstance();
        TreeElement element = instance.resolveReference(ref);
        if (element != null) {
            return of(element);
        }
        // A repeat entry that does not exist yet (the "add another" prompt): its parent, then it.
        TreeReference parentRef = ref.getParentRef();
        TreeElement parent = parentRef == null ? null : instance.resolveReference(parentRef);
        String parentPath = parent == null ? "" : of(parent);
        int last = ref.size() - 1;
        return parentPath + "/" + ref.getName(last) + "[" + (ref.getMultiplicity(last) + 1) + "]";
    }

    static String of(FormDef form, FormIndex index) {
        return of(form, index.getReference());
    }

    static String of(TreeElement element) {
        List<String> parts = new ArrayList<>();
        for (org.javarosa.core.model.instance.AbstractTreeElement e = element; e != null && e.getName() != null;
             e = e.getParent()) {
            parts.add(e.isRepeatable() ? e.getName() + "[" + (e.getMult() + 1) + "]" : e.getName());
        }
        StringBuilder out = new StringBuilder();
        for (int i = parts.size() - 1; i >= 0; i--) {
            out.append('/').append(parts.get(i));
        }
        return out.toString();
    }

    /** {@code /data/guardians[2]/name} → {@code [/data/guardians[2]]}: every repeat entry above the answer. */
    static List<String> entryPrefixes(String path) {
        List<String> out = new ArrayList<>();
        for (int i = path.indexOf(']'); i >= 0; i = path.indexOf(']', i + 1)) {
            out.add(path.substring(0, i + 1));
        }
        return out;
    }

    static boolean inRepeat(String path) {
        return path.indexOf('[') >= 0;
    }
}

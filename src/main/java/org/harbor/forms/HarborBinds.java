package org.harbor.forms;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.javarosa.core.model.instance.TreeElement;

/**
 * Harbor's bind attributes ({@code urn:harbor:xforms:1}), as JavaRosa keeps them on a question's
 * instance node: the ask-once fact key, the consent purposes and the danger mark.
 */
record HarborBinds(String factKey, List<String> purposes, boolean danger) {

    static final String NAMESPACE = "urn:harbor:xforms:1";
    static final HarborBinds NONE = new HarborBinds(null, List.of(), false);
    static final List<String> PURPOSES = List.of("services", "referral", "law_enforcement", "national_referral",
            "research", "recording");

    static HarborBinds of(TreeElement element) {
        if (element == null) {
            return NONE;
        }
        String fact = attribute(element.getBindAttributes(), "fact");
        String purposes = attribute(element.getBindAttributes(), "purpose");
        String safety = attribute(element.getBindAttributes(), "safety");
        List<String> purposeList = purposes == null ? List.of()
                : Arrays.stream(purposes.strip().split("\\s+")).filter(p -> !p.isEmpty())
                        .map(p -> p.toLowerCase(Locale.ROOT)).distinct().toList();
        String key = fact == null || fact.isBlank() ? null : fact.strip();
        return new HarborBinds(key, purposeList, "danger".equals(safety == null ? null : safety.strip()));
    }

    FormStore.Tags tags() {
        return new FormStore.Tags(factKey, String.join(" ", purposes), danger);
    }

    private static String attribute(List<TreeElement> attributes, String name) {
        if (attributes == null) {
            return null;
        }
        for (TreeElement attribute : attributes) {
            if (name.equals(attribute.getName()) && isHarbor(attribute.getNamespace())) {
                return attribute.getAttributeValue();
            }
        }
        return null;
    }

    /** The contract's namespace, or DESIGN.md's shorter {@code urn:harbor}. */
    private static boolean isHarbor(String namespace) {
        return namespace != null && (namespace.equals(NAMESPACE) || namespace.equals("urn:harbor"));
    }
}

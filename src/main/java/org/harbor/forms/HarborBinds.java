package org.harbor.forms;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.javarosa.core.model.instance.TreeElement;

/**
 * Harbor's bind attributes ({@code urn:harbor}, DESIGN.md section 5), as JavaRosa keeps them on a question's
 * instance node: the ask-once fact key, the consent purposes, the danger mark, and
 * {@code harbor:nonresponse="none"}, which takes the non-response choices ("Prefer not to say",
 * "Don't know", "Skip") away from a question that is not put to the person: the worker's own
 * acknowledgement that the script was explained, or a recorded consent decision (issue 12).
 */
record HarborBinds(String factKey, List<String> purposes, boolean danger, boolean noNonResponse, String consentCheck) {

    static final String NAMESPACE = "urn:harbor";
    /** The namespace of early drafts of the built-in forms, still read. */
    static final String DRAFT_NAMESPACE = "urn:harbor:xforms:1";
    static final HarborBinds NONE = new HarborBinds(null, List.of(), false, false, null);
    static final List<String> PURPOSES = List.of("services", "referral", "law_enforcement", "national_referral",
            "research", "recording");

    static HarborBinds of(TreeElement element) {
        if (element == null) {
            return NONE;
        }
        String fact = attribute(element.getBindAttributes(), "fact");
        String purposes = attribute(element.getBindAttributes(), "purpose");
        String safety = attribute(element.getBindAttributes(), "safety");
        String nonResponse = attribute(element.getBindAttributes(), "nonresponse");
        // harbor:consentcheck="referral": a "yes" stands only on a consent recorded for the
        // organisation named beside it (../organisation), never on the worker's word alone.
        String consentCheck = attribute(element.getBindAttributes(), "consentcheck");
        List<String> purposeList = purposes == null ? List.of()
                : Arrays.stream(purposes.strip().split("\\s+")).filter(p -> !p.isEmpty())
                        .map(p -> p.toLowerCase(Locale.ROOT)).distinct().toList();
        String key = fact == null || fact.isBlank() ? null : fact.strip();
        return new HarborBinds(key, purposeList, "danger".equals(safety == null ? null : safety.strip()),
                nonResponse != null && "none".equals(nonResponse.strip()),
                consentCheck == null || consentCheck.isBlank() ? null : consentCheck.strip());
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

    /** DESIGN.md's namespace, or the early drafts' longer one. */
    private static boolean isHarbor(String namespace) {
        return namespace != null && (namespace.equals(NAMESPACE) || namespace.equals(DRAFT_NAMESPACE));
    }
}

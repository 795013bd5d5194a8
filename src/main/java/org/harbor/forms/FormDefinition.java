package org.harbor.forms;

/**
 * A registered form: built in or imported by a supervisor, one row per id and version.
 *
 * @param formId the id attribute of the primary instance root
 * @param version its version attribute
 * @param title the form's title (its {@code h:title})
 * @param builtIn shipped with Harbor rather than imported
 * @param sensitivity {@code normal}, or {@code trafficking-history} (interviewers and supervisors only)
 */
public record FormDefinition(String formId, String version, String title, boolean builtIn, String sensitivity) {

    public static final String TRAFFICKING_HISTORY = "trafficking-history";
    public static final String NORMAL = "normal";

    public boolean restricted() {
        return TRAFFICKING_HISTORY.equals(sensitivity);
    }
}

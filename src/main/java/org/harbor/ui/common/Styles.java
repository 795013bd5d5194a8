package org.harbor.ui.common;

/**
 * Every style class Harbor's code and FXML use, named once; each is defined in
 * {@code harbor.css} ({@code StylesTest} checks both ways: no constant without a rule, no style
 * class written as a string in the UI code, no FXML style class that is not one of these).
 */
public final class Styles {

    // --- every screen
    public static final String ERROR = "error-message";
    public static final String TITLE = "screen-title";
    public static final String SECTION_TITLE = "section-title";
    public static final String HINT = "hint";
    public static final String NEUTRAL = "neutral-screen";
    public static final String TOP_BAR = "top-bar";
    /** A screen's main column of fields (FXML screens and the log-in). */
    public static final String FORM = "form";
    /** A text that wraps ({@link Paragraph}). */
    public static final String PARAGRAPH = "paragraph";

    // --- the emergency panel (R2) and its contacts in Settings
    /** The dimmed layer over the screen while the emergency panel is open. */
    public static final String EMERGENCY_BACKDROP = "emergency-backdrop";
    public static final String EMERGENCY_PANEL = "emergency-panel";
    public static final String EMERGENCY_NUMBER = "emergency-number";
    public static final String EMERGENCY_CONTACT = "emergency-contact";
    public static final String EMERGENCY_BUTTON = "emergency-button";
    /** One contact's fields in Settings. */
    public static final String EMERGENCY_ROW = "emergency-row";

    // --- home, setup
    public static final String TILE = "tile";
    public static final String RECOVERY_KEY = "recovery-key";

    // --- cases
    public static final String SAFETY_BANNER = "safety-banner";
    /** The mandatory-report checklist of a case and the reports due on the home screen (R18). */
    public static final String REPORT_CHECKLIST = "report-checklist";
    /** A countdown past its deadline, shown to supervisors in red (R18). */
    public static final String REPORT_OVERDUE = "report-overdue";
    public static final String CASE_PERSON = "case-person";
    public static final String CASE_SESSION = "case-session";
    public static final String SESSION_ACTION = "session-action";
    public static final String CONSENT_ROW = "consent-row";
    public static final String SEAL_OK = "seal-ok";
    public static final String SEAL_GAP = "seal-gap";
    public static final String ATTACHMENTS_PANE = "attachments-pane";

    // --- form renderer
    public static final String FORM_SCREEN = "form-screen";
    public static final String FORM_QUESTION = "form-question";
    public static final String QUESTION_LABEL = "question-label";
    public static final String UI_LANGUAGE = "ui-language";
    public static final String REQUIRED_MARK = "required-mark";
    public static final String PREFILL = "prefill";
    public static final String NON_RESPONSE = "non-response";
    public static final String NON_RESPONSE_RECORDED = "non-response-recorded";
    public static final String CORRECTION = "correction";
    public static final String CARE_BAR = "care-bar";
    /** The fixed bar under a form or the interview: Pause, Break, Stop/End, Hide, Back to the case. */
    public static final String ACTION_BAR = "action-bar";
    /** "Section 2 of 5", elapsed times: where one is, never in an error colour. */
    public static final String PROGRESS = "progress-text";
    /** The scrolled part of a form screen. */
    public static final String FORM_CONTENT = "form-content";

    // --- interview
    public static final String INTERVIEW_PROMPT = "interview-prompt";
    public static final String INTERVIEW_SUPPORTIVE = "interview-supportive";
    public static final String INTERVIEW_CHECK = "interview-check";
    public static final String INTERVIEW_LOG_ENTRY = "interview-log-entry";

    // --- central office
    public static final String CENTRAL_PAGE = "central-page";
    public static final String CENTRAL_SECTION = "central-section";
    public static final String CENTRAL_NAME = "central-name";
    /** Marks the field a central tab focuses when it opens; it looks like any field. */
    public static final String FIRST_FIELD = "first-field";

    // --- guards and the kept place (issue 14)
    public static final String CONFIRM_BACKDROP = "confirm-backdrop";
    public static final String CONFIRM_PANEL = "confirm-panel";
    public static final String IDLE_WARNING = "idle-warning";
    public static final String BREAK_OFFER = "break-offer";
    public static final String DEBRIEF = "debrief";

    // --- the outbox (issue 18)
    public static final String OUTBOX_ROW = "outbox-row";

    private Styles() {
    }
}

package org.harbor.ui.safety;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.geometry.Pos;
import javafx.scene.control.TextField;
import org.harbor.ui.common.Prompts;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.harbor.ui.common.EnterKey;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.VBox;
import org.harbor.i18n.I18n;
import org.harbor.ui.common.Paragraph;
import org.harbor.ui.common.ScreenContext;
import org.harbor.ui.common.Styles;
import org.harbor.ui.common.Subscriptions;
import org.harbor.ui.emergency.EmergencyPanel;
import org.harbor.ui.emergency.EmergencyViewModel;

/**
 * The danger banner (R3) as a node for the top of a case's screens: the warning, the emergency
 * contacts (the panel's own list), and the action taken: a field and a button for a supervisor,
 * a sentence for everyone else. Hidden and taking no room while there is no danger to act on.
 */
public final class SafetyBanner {

    private final SafetyBannerViewModel model;
    private final VBox root;
    private final Subscriptions subscriptions = new Subscriptions();

    public SafetyBanner(SafetyBannerViewModel model) {
        this.model = model;
        I18n i18n = model.i18n();
        Paragraph headline = new Paragraph(i18n.get("case.safetyBanner"));
        headline.setId("safetyBannerText");
        Label contactsTitle = new Label(i18n.get("safety.banner.contacts"));
        contactsTitle.getStyleClass().add(Styles.SECTION_TITLE);
        VBox contacts = EmergencyPanel.contactList(model.contacts(), "banner", true);
        root = new VBox(4, headline, contactsTitle, contacts);
        if (model.mayRecord()) {
            TextField action = Prompts.whole(new TextField());
            action.setId("safetyAction");
            action.setPromptText(i18n.get("safety.banner.actionLabel"));
            action.setAccessibleText(i18n.get("safety.banner.actionLabel"));
            action.setTextFormatter(new TextFormatter<String>(c -> c.getControlNewText().length() <= model.maxActionLength() ? c : null));
            subscriptions.bindBidirectional(action.textProperty(), model.actionProperty());
            HBox.setHgrow(action, Priority.ALWAYS);
            Label label = new Label(i18n.get("safety.banner.actionLabel"));
            label.setLabelFor(action);
            Button save = new Button(i18n.get("safety.banner.record"));
            save.setId("safetyRecord");
            save.setOnAction(e -> model.recordAction());
            HBox row = new HBox(8, action, save);
            row.setAlignment(Pos.CENTER_LEFT);
            EnterKey.submits(save, row);
            root.getChildren().addAll(label, row);
        } else {
            Paragraph must = new Paragraph(i18n.get("safety.banner.supervisorMust"));
            must.setId("safetySupervisorMust");
            root.getChildren().add(must);
        }
        Paragraph message = new Paragraph("");
        message.setId("safetyMessage");
        subscriptions.bind(message.contentProperty(), model.messageProperty());
        root.getChildren().add(message);
        root.setId("safetyBanner");
        root.getStyleClass().add(Styles.SAFETY_BANNER);
        subscriptions.bind(root.visibleProperty(), model.dangerProperty());
        subscriptions.bind(root.managedProperty(), model.dangerProperty());
    }

    /** A banner for the case screen, its view-model made from the screen's context. */
    public static SafetyBanner ofCase(ScreenContext context, String caseId) {
        return new SafetyBanner(model(context, caseId, null));
    }

    /** A banner for a form or an interview of case session {@code caseSessionId}. */
    public static SafetyBanner ofSession(ScreenContext context, String caseSessionId) {
        return new SafetyBanner(model(context, null, caseSessionId));
    }

    private static SafetyBannerViewModel model(ScreenContext context, String caseId, String caseSessionId) {
        var useCases = context.useCases();
        EmergencyViewModel contacts = new EmergencyViewModel(useCases.showEmergencyContacts(), context.i18n(), context.background());
        return new SafetyBannerViewModel(useCases.showCaseSafety(), useCases.recordSafetyAction(), contacts, context.i18n(),
                context.background(), context.session(), caseId, caseSessionId);
    }

    public Node node() {
        return root;
    }

    public SafetyBannerViewModel model() {
        return model;
    }

    public void refresh() {
        model.refresh();
    }

    public void dispose() {
        subscriptions.release();
        model.dispose();
    }
}

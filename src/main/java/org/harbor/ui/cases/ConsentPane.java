package org.harbor.ui.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.harbor.consent.ChildAssent;
import org.harbor.consent.Consent;
import org.harbor.consent.ConsentMethod;
import org.harbor.consent.ConsentPurpose;
import org.harbor.consent.ConsentScope;
import org.harbor.consent.ConsentStatus;
import org.harbor.i18n.I18n;
import org.harbor.ui.common.EnterKey;
import org.harbor.ui.common.Paragraph;
import org.harbor.ui.common.Prompts;
import org.harbor.ui.common.ScreenContext;
import org.harbor.ui.common.Styles;
import org.harbor.usecases.RecordConsent;

/**
 * Consent per purpose on the case view: where each purpose stands, purposes used by answers with no
 * consent (flagged), recording a decision, and revoking one with a reason.
 */
public final class ConsentPane extends VBox {

    private final ConsentViewModel model;
    private final I18n i18n;
    private final VBox rows = new VBox(4);
    private final Paragraph flags = new Paragraph();
    private final Paragraph message = new Paragraph();
    private final ComboBox<ConsentPurpose> purpose = new ComboBox<>(FXCollections.observableArrayList(ConsentPurpose.values()));
    private final TextField organisation = new TextField();
    private final ComboBox<Boolean> decision = new ComboBox<>(FXCollections.observableArrayList(true, false));
    private final CheckBox bySurvivor = new CheckBox();
    private final CheckBox child = new CheckBox();
    private final CheckBox childSaidNo = new CheckBox();
    private final TextField guardian = new TextField();
    private final ComboBox<ConsentMethod> method = new ComboBox<>(FXCollections.observableArrayList(ConsentMethod.values()));
    private final TextField methodDetail = new TextField();
    private final TextField language = new TextField();
    private final TextField interpreter = new TextField();
    private final TextField revokeReason = new TextField();
    /** A sealed case: the pane shows where consent stands, with no control that would change it. */
    private final BooleanProperty readOnly = new SimpleBooleanProperty(false);

    /** The pane of case {@code caseId}, with its view-model. */
    public static ConsentPane of(ScreenContext context, String caseId) {
        return new ConsentPane(new ConsentViewModel(context.useCases().recordConsent(), context.background(),
                context.i18n(), context.session(), caseId), context.i18n());
    }

    public ConsentPane(ConsentViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        setSpacing(8);
        setId("consentPane");
        Label title = new Label(i18n.get("consent.pane.title"));
        title.getStyleClass().add(Styles.SECTION_TITLE);
        rows.setId("consentRows");
        flags.setId("consentFlags");
        flags.getStyleClass().add(Styles.ERROR);
        message.setId("consentMessage");
        message.getStyleClass().add(Styles.ERROR);
        message.contentProperty().bind(model.messageProperty());
        Node form = recordForm();
        form.visibleProperty().bind(readOnly.not());
        form.managedProperty().bind(readOnly.not());
        getChildren().addAll(title, flags, rows, form, message);
        model.overviewProperty().addListener((o, was, is) -> {
            if (is != null) {
                show(is);
            }
        });
        refresh();
    }

    /** True for a sealed case: no recording, no revoking. */
    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    /** Reads the consents, and the purposes the case's answers serve, again. */
    public void refresh() {
        model.refresh();
    }

    private void show(RecordConsent.Overview state) {
        List<Node> nodes = new ArrayList<>();
        for (Map.Entry<ConsentScope, ConsentStatus> entry : state.statuses().entrySet()) {
            nodes.add(row(entry.getKey(), entry.getValue(), state.consents()));
        }
        state.sharing().standings().forEach((purpose, standing) -> {
            if (standing.permitted() && !"consent".equals(standing.ground())) {
                Label basis = new Label(i18n.get("consent.pane.lawfulBasis", i18n.get("consent.purpose." + purpose.code()),
                        i18n.get("consent.basis." + standing.ground())));
                basis.setId("consentBasis-" + purpose.code());
                nodes.add(basis);
            }
        });
        // Asked on a consent form but answered "prefer not to say" or "don't know": no consent, and said so.
        state.unanswered().forEach((subject, kind) -> {
            Label asked = new Label(model.unansweredText(subject, kind));
            asked.setId("consentUnanswered-" + subject);
            asked.getStyleClass().add(Styles.CONSENT_ROW);
            nodes.add(asked);
        });
        if (nodes.isEmpty()) {
            nodes.add(new Label(i18n.get("consent.pane.none")));
        }
        rows.getChildren().setAll(nodes);
        flags.setContent(state.unconsented().isEmpty() ? ""
                : i18n.get("consent.pane.unconsented", String.join(", ",
                        state.unconsented().stream().map(p -> i18n.get("consent.purpose." + p.code())).toList())));
    }

    private Node row(ConsentScope scope, ConsentStatus status, List<Consent> consents) {
        String what = i18n.get("consent.purpose." + scope.purpose().code())
                + (scope.target() == null ? "" : " · " + scope.target());
        Consent last = consents.stream().filter(c -> c.scope().equals(scope)).reduce((a, b) -> b).orElse(null);
        StringBuilder text = new StringBuilder(i18n.get("consent.pane.row", what,
                i18n.get("consent.status." + status.name().toLowerCase(Locale.ROOT))));
        // The child's own "no" and an excluded guardian are shown wherever consent is (issue 12, R17).
        if (last != null && last.grant().childAssent() == ChildAssent.NO) {
            text.append(" · ").append(i18n.get("consent.pane.assentNo"));
        }
        if (last != null && last.grant().guardian() != null && last.grant().guardian().excluded()) {
            text.append(" · ").append(i18n.get("consent.pane.guardianExcluded"));
        }
        if (last != null && last.revocation().isEmpty()) {
            // The child's "no" is already named above: not said twice.
            last.grant().blockedBy().filter(r -> r != ConsentStatus.Reason.REFUSED).ifPresent(r -> text.append(" · ").append(
                    r == ConsentStatus.Reason.CHILD_SAID_NO && last.grant().childAssent() == ChildAssent.NO
                            ? i18n.get("consent.pane.notCounted")
                            : i18n.get("consent.pane.doesNotCount", i18n.get("consent.reason." + r.code()))));
        }
        Label label = new Label(text.toString());
        label.setId("consentRow-" + scope.purpose().code());
        HBox row = new HBox(8, label);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add(Styles.CONSENT_ROW);
        if (status == ConsentStatus.GIVEN) {
            Consent latest = consents.stream().filter(c -> c.scope().equals(scope)).reduce((a, b) -> b).orElse(null);
            if (latest != null && latest.revocation().isEmpty()) {
                Button revoke = new Button(i18n.get("consent.pane.revoke"));
                revoke.setId("consentRevoke-" + scope.purpose().code());
                revoke.setOnAction(e -> revoke(latest));
                revoke.visibleProperty().bind(readOnly.not());
                revoke.managedProperty().bind(readOnly.not());
                row.getChildren().add(revoke);
            }
        }
        return row;
    }

    private void revoke(Consent consent) {
        if (!model.revoke(consent)) {
            revokeReason.requestFocus();
        }
    }

    private Node recordForm() {
        purpose.setId("consentPurpose");
        purpose.setCellFactory(l -> cell(p -> i18n.get("consent.purpose." + p.code())));
        purpose.setButtonCell(cell(p -> i18n.get("consent.purpose." + p.code())));
        purpose.valueProperty().bindBidirectional(model.purposeProperty());
        purpose.setAccessibleText(i18n.get("consent.pane.purpose"));
        organisation.setId("consentOrganisation");
        organisation.textProperty().bindBidirectional(model.organisationProperty());
        organisation.setPromptText(i18n.get("consent.pane.organisation"));
        Prompts.whole(organisation);
        organisation.setAccessibleText(i18n.get("consent.pane.organisation"));
        organisation.disableProperty().bind(purpose.valueProperty().isNotEqualTo(ConsentPurpose.REFERRAL));
        decision.setId("consentDecision");
        decision.setCellFactory(l -> cell(d -> i18n.get(d ? "consent.pane.given" : "consent.pane.refused")));
        decision.setButtonCell(cell(d -> i18n.get(d ? "consent.pane.given" : "consent.pane.refused")));
        decision.valueProperty().bindBidirectional(model.givenProperty());
        decision.setAccessibleText(i18n.get("consent.pane.decision"));
        bySurvivor.setText(i18n.get("consent.pane.bySurvivor"));
        bySurvivor.setId("consentBySurvivor");
        bySurvivor.selectedProperty().bindBidirectional(model.bySurvivorProperty());
        child.selectedProperty().bindBidirectional(model.childProperty());
        childSaidNo.selectedProperty().bindBidirectional(model.childSaidNoProperty());
        child.setText(i18n.get("consent.pane.child"));
        child.setId("consentChild");
        child.disableProperty().bind(bySurvivor.selectedProperty().not());
        childSaidNo.setText(i18n.get("consent.pane.childSaidNo"));
        childSaidNo.setId("consentChildSaidNo");
        childSaidNo.disableProperty().bind(child.selectedProperty().not().or(child.disabledProperty()));
        guardian.setId("consentGuardian");
        guardian.textProperty().bindBidirectional(model.guardianProperty());
        guardian.setPromptText(i18n.get("consent.pane.guardian"));
        Prompts.whole(guardian);
        guardian.setAccessibleText(i18n.get("consent.pane.guardian"));
        method.setId("consentMethod");
        method.setCellFactory(l -> cell(m -> i18n.get("consent.method." + m.code())));
        method.setButtonCell(cell(m -> i18n.get("consent.method." + m.code())));
        method.valueProperty().bindBidirectional(model.methodProperty());
        method.setAccessibleText(i18n.get("consent.pane.method"));
        methodDetail.textProperty().bindBidirectional(model.methodDetailProperty());
        methodDetail.setPromptText(i18n.get("consent.pane.methodDetail"));
        Prompts.whole(methodDetail);
        methodDetail.setAccessibleText(i18n.get("consent.pane.methodDetail"));
        methodDetail.disableProperty().bind(method.valueProperty().isNotEqualTo(ConsentMethod.OTHER));
        language.setId("consentLanguage");
        language.textProperty().bindBidirectional(model.languageProperty());
        language.setPromptText(i18n.get("consent.pane.language"));
        Prompts.whole(language);
        language.setAccessibleText(i18n.get("consent.pane.language"));
        interpreter.textProperty().bindBidirectional(model.interpreterProperty());
        interpreter.setPromptText(i18n.get("consent.pane.interpreter"));
        Prompts.whole(interpreter);
        interpreter.setAccessibleText(i18n.get("consent.pane.interpreter"));
        Button record = new Button(i18n.get("consent.pane.record"));
        record.setId("consentRecord");
        record.setOnAction(e -> model.record());
        revokeReason.setId("consentRevokeReason");
        revokeReason.textProperty().bindBidirectional(model.revokeReasonProperty());
        revokeReason.setPromptText(i18n.get("consent.pane.revokeReason"));
        Prompts.whole(revokeReason);
        revokeReason.setAccessibleText(i18n.get("consent.pane.revokeReason"));
        HBox.setHgrow(revokeReason, Priority.ALWAYS);
        FlowPane first = new FlowPane(8, 8, purpose, organisation, decision, bySurvivor, child, childSaidNo, guardian);
        FlowPane second = new FlowPane(8, 8, method, methodDetail, language, interpreter, record);
        first.setAlignment(Pos.CENTER_LEFT);
        second.setAlignment(Pos.CENTER_LEFT);
        VBox form = new VBox(6, new Label(i18n.get("consent.pane.recordTitle")), first, second);
        EnterKey.submits(record, form);
        return new VBox(8, form, new HBox(8, new Label(i18n.get("consent.pane.revokeReasonLabel")), revokeReason));
    }

    private static <T> ListCell<T> cell(Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

}

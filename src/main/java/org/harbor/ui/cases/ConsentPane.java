package org.harbor.ui.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
import org.harbor.consent.Consent;
import org.harbor.consent.ConsentGrant;
import org.harbor.consent.ConsentMethod;
import org.harbor.consent.ConsentPurpose;
import org.harbor.consent.ConsentScope;
import org.harbor.consent.ConsentStatus;
import org.harbor.i18n.I18n;
import org.harbor.ui.common.EnterKey;
import org.harbor.ui.common.Messages;
import org.harbor.ui.common.Paragraph;
import org.harbor.ui.common.ScreenContext;
import org.harbor.ui.common.Styles;

/**
 * Consent per purpose on the case view: where each purpose stands, purposes used by answers with no
 * consent (flagged), recording a decision, and revoking one with a reason.
 */
public final class ConsentPane extends VBox {

    private final ScreenContext context;
    private final String caseId;
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
    private boolean childShown;
    private final TextField guardian = new TextField();
    private final ComboBox<ConsentMethod> method = new ComboBox<>(FXCollections.observableArrayList(ConsentMethod.values()));
    private final TextField methodDetail = new TextField();
    private final TextField language = new TextField();
    private final TextField interpreter = new TextField();
    private final TextField revokeReason = new TextField();

    public ConsentPane(ScreenContext context, String caseId) {
        this.context = context;
        this.caseId = caseId;
        this.i18n = context.harbor().i18n();
        setSpacing(8);
        setId("consentPane");
        Label title = new Label(i18n.get("consent.pane.title"));
        title.getStyleClass().add(Styles.SECTION_TITLE);
        rows.setId("consentRows");
        flags.setId("consentFlags");
        flags.getStyleClass().add(Styles.ERROR);
        message.setId("consentMessage");
        message.getStyleClass().add(Styles.ERROR);
        getChildren().addAll(title, flags, rows, recordForm(), message);
        refresh();
    }

    /** Reads the consents, and the purposes the case's answers serve, again. */
    public void refresh() {
        context.background().run(() -> new State(context.harbor().consents().list(context.session(), caseId),
                        context.harbor().consents().statuses(context.session(), caseId),
                        UnconsentedPurposes.of(context, caseId), context.harbor().consents().sharing(context.session(), caseId),
                        context.harbor().forms().treatedAsChild(context.session(), caseId)),
                this::show, e -> message.setContent(Messages.of(e, i18n)));
    }

    private void show(State state) {
        if (!childShown) {
            child.setSelected(state.child()); // the case's fact (R19): a child unless recorded otherwise
            childShown = true;
        }
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
                i18n.get("consent.status." + status.name().toLowerCase(java.util.Locale.ROOT))));
        // The child's own "no" and an excluded guardian are shown wherever consent is (issue 12, R17).
        if (last != null && last.grant().childAssent() == org.harbor.consent.ChildAssent.NO) {
            text.append(" · ").append(i18n.get("consent.pane.assentNo"));
        }
        if (last != null && last.grant().guardian() != null && last.grant().guardian().excluded()) {
            text.append(" · ").append(i18n.get("consent.pane.guardianExcluded"));
        }
        if (last != null && last.revocation().isEmpty()) {
            // The child's "no" is already named above: not said twice.
            last.grant().blockedBy().filter(r -> r != ConsentStatus.Reason.REFUSED).ifPresent(r -> text.append(" · ").append(
                    r == ConsentStatus.Reason.CHILD_SAID_NO && last.grant().childAssent() == org.harbor.consent.ChildAssent.NO
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
                row.getChildren().add(revoke);
            }
        }
        return row;
    }

    private void revoke(Consent consent) {
        String reason = revokeReason.getText() == null ? "" : revokeReason.getText().strip();
        if (reason.isEmpty()) {
            message.setContent(i18n.get("consent.pane.reasonNeeded"));
            revokeReason.requestFocus();
            return;
        }
        context.background().run(() -> context.harbor().consents().revoke(context.session(), consent.id(), reason),
                done -> {
                    revokeReason.clear();
                    message.setContent("");
                    refresh();
                }, e -> message.setContent(Messages.of(e, i18n)));
    }

    private Node recordForm() {
        purpose.setId("consentPurpose");
        purpose.setCellFactory(l -> cell(p -> i18n.get("consent.purpose." + p.code())));
        purpose.setButtonCell(cell(p -> i18n.get("consent.purpose." + p.code())));
        purpose.setValue(ConsentPurpose.SERVICES);
        purpose.setAccessibleText(i18n.get("consent.pane.purpose"));
        organisation.setId("consentOrganisation");
        organisation.setPromptText(i18n.get("consent.pane.organisation"));
        organisation.setAccessibleText(i18n.get("consent.pane.organisation"));
        organisation.disableProperty().bind(purpose.valueProperty().isNotEqualTo(ConsentPurpose.REFERRAL));
        decision.setId("consentDecision");
        decision.setCellFactory(l -> cell(d -> i18n.get(d ? "consent.pane.given" : "consent.pane.refused")));
        decision.setButtonCell(cell(d -> i18n.get(d ? "consent.pane.given" : "consent.pane.refused")));
        decision.setValue(true);
        decision.setAccessibleText(i18n.get("consent.pane.decision"));
        bySurvivor.setText(i18n.get("consent.pane.bySurvivor"));
        bySurvivor.setId("consentBySurvivor");
        bySurvivor.setSelected(true);
        child.setText(i18n.get("consent.pane.child"));
        child.setId("consentChild");
        child.disableProperty().bind(bySurvivor.selectedProperty().not());
        childSaidNo.setText(i18n.get("consent.pane.childSaidNo"));
        childSaidNo.setId("consentChildSaidNo");
        childSaidNo.disableProperty().bind(child.selectedProperty().not().or(child.disabledProperty()));
        guardian.setId("consentGuardian");
        guardian.setPromptText(i18n.get("consent.pane.guardian"));
        guardian.setAccessibleText(i18n.get("consent.pane.guardian"));
        method.setId("consentMethod");
        method.setCellFactory(l -> cell(m -> i18n.get("consent.method." + m.code())));
        method.setButtonCell(cell(m -> i18n.get("consent.method." + m.code())));
        method.setValue(ConsentMethod.VERBAL);
        method.setAccessibleText(i18n.get("consent.pane.method"));
        methodDetail.setPromptText(i18n.get("consent.pane.methodDetail"));
        methodDetail.setAccessibleText(i18n.get("consent.pane.methodDetail"));
        methodDetail.disableProperty().bind(method.valueProperty().isNotEqualTo(ConsentMethod.OTHER));
        language.setId("consentLanguage");
        language.setText(i18n.nativeName(i18n.locale().getLanguage()));
        language.setPromptText(i18n.get("consent.pane.language"));
        language.setAccessibleText(i18n.get("consent.pane.language"));
        interpreter.setPromptText(i18n.get("consent.pane.interpreter"));
        interpreter.setAccessibleText(i18n.get("consent.pane.interpreter"));
        Button record = new Button(i18n.get("consent.pane.record"));
        record.setId("consentRecord");
        record.setOnAction(e -> record());
        revokeReason.setId("consentRevokeReason");
        revokeReason.setPromptText(i18n.get("consent.pane.revokeReason"));
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

    private void record() {
        ConsentGrant grant;
        try {
            ConsentPurpose p = purpose.getValue();
            ConsentScope scope = p == ConsentPurpose.REFERRAL ? ConsentScope.referral(organisation.getText()) : ConsentScope.of(p);
            ConsentGrant.Builder builder = ConsentGrant.builder(scope);
            builder = decision.getValue() ? builder.given() : builder.refused();
            if (bySurvivor.isSelected()) {
                builder = builder.bySurvivor(child.isSelected());
                if (child.isSelected() && childSaidNo.isSelected()) {
                    builder = builder.childAssent(org.harbor.consent.ChildAssent.NO);
                }
            }
            if (!guardian.getText().isBlank()) {
                builder = builder.guardian(org.harbor.consent.GuardianConsent.consenting(guardian.getText()));
            }
            builder = method.getValue() == ConsentMethod.OTHER ? builder.method(ConsentMethod.OTHER, methodDetail.getText())
                    : builder.method(method.getValue());
            builder = builder.language(language.getText());
            if (!interpreter.getText().isBlank()) {
                builder = builder.interpreter(interpreter.getText());
            }
            grant = builder.build();
        } catch (IllegalArgumentException e) {
            message.setContent(i18n.get("consent.pane.incomplete"));
            return;
        }
        ConsentGrant chosen = grant;
        context.background().run(() -> context.harbor().consents().record(context.session(), caseId, chosen),
                done -> {
                    organisation.clear();
                    guardian.clear();
                    interpreter.clear();
                    methodDetail.clear();
                    message.setContent("");
                    refresh();
                }, e -> message.setContent(Messages.of(e, i18n)));
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

    private record State(List<Consent> consents, Map<ConsentScope, ConsentStatus> statuses,
                         List<ConsentPurpose> unconsented, org.harbor.consent.Sharing sharing, boolean child) {
    }
}

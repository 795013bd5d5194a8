package org.harbor.ui.cases;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import org.harbor.i18n.I18n;
import org.harbor.ui.common.Paragraph;
import org.harbor.ui.common.Styles;
import org.harbor.usecases.SealReadiness;

/**
 * The dialog before a case is sealed: what sealing means, what is still incomplete (from the
 * {@code SealCase} use case), and a field where the case number is typed; Seal stays disabled
 * until it matches. Enter seals once it is enabled, Escape cancels. An empty case is not offered
 * for sealing at all.
 */
final class SealDialog {

    private SealDialog() {
    }

    static void open(Node owner, SealViewModel model, I18n i18n) {
        SealReadiness readiness = model.readinessProperty().get();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(i18n.get("seal.dialog.title", readiness.caseNumber()));
        if (owner.getScene() != null && owner.getScene().getWindow() != null) {
            dialog.initOwner(owner.getScene().getWindow());
        }
        dialog.initModality(Modality.WINDOW_MODAL);
        DialogPane pane = dialog.getDialogPane();
        pane.setId("sealDialog");
        if (owner.getScene() != null) {
            pane.getStylesheets().setAll(owner.getScene().getStylesheets());
            pane.setNodeOrientation(owner.getScene().getRoot().getEffectiveNodeOrientation());
        }
        Label heading = new Label(i18n.get("seal.dialog.title", readiness.caseNumber()));
        heading.getStyleClass().add(Styles.SECTION_TITLE);
        VBox content = new VBox(10, heading);
        content.setPrefWidth(560);
        ButtonType sealType = new ButtonType(i18n.get("seal.dialog.confirm"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancelType = new ButtonType(i18n.get("seal.dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        pane.getButtonTypes().setAll(sealType, cancelType);
        Button seal = (Button) pane.lookupButton(sealType);
        seal.setId("sealDialogConfirm");
        seal.disableProperty().bind(model.confirmableProperty().not());
        Button cancel = (Button) pane.lookupButton(cancelType);
        cancel.setId("sealDialogCancel");
        if (readiness.empty()) {
            Paragraph empty = new Paragraph(i18n.get("seal.dialog.empty"));
            empty.setId("sealDialogEmpty");
            empty.getStyleClass().add(Styles.ERROR);
            content.getChildren().add(empty);
            dialog.setOnShown(e -> cancel.requestFocus());
        } else {
            content.getChildren().add(new Paragraph(i18n.get("seal.dialog.intro")));
            List<String> gaps = model.gapTexts();
            VBox list = new VBox(4);
            list.setId("sealDialogGaps");
            if (gaps.isEmpty()) {
                list.getChildren().add(new Paragraph(i18n.get("seal.dialog.complete")));
            } else {
                Label incomplete = new Label(i18n.get("seal.dialog.incomplete"));
                incomplete.getStyleClass().add(Styles.SECTION_TITLE);
                content.getChildren().add(incomplete);
                for (String gap : gaps) {
                    Paragraph line = new Paragraph("• " + gap);
                    line.getStyleClass().add(Styles.SEAL_GAP);
                    list.getChildren().add(line);
                }
            }
            content.getChildren().add(list);
            Label label = new Label(i18n.get("seal.dialog.confirmLabel", readiness.caseNumber()));
            TextField typed = new TextField();
            typed.setId("sealConfirmText");
            typed.setAccessibleText(label.getText());
            label.setLabelFor(typed);
            typed.textProperty().bindBidirectional(model.typedProperty());
            content.getChildren().addAll(label, typed);
            dialog.setOnShown(e -> typed.requestFocus());
        }
        pane.setContent(content);
        dialog.setOnHidden(e -> {
            seal.disableProperty().unbind();
            if (dialog.getResult() == sealType) {
                model.sealCase();
            } else {
                model.cancel();
            }
        });
        dialog.show();
    }
}

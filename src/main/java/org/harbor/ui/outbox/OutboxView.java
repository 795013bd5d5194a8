package org.harbor.ui.outbox;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.harbor.i18n.I18n;
import org.harbor.ui.common.ConfirmOverlay;
import org.harbor.ui.common.Paragraph;
import org.harbor.ui.common.Releasable;
import org.harbor.ui.common.Styles;
import org.harbor.ui.common.Subscriptions;

/** Binds the outbox screen; the questions before a release and a purge lie over it. */
public final class OutboxView implements Releasable {

    private final OutboxViewModel model;
    private final I18n i18n;
    private final Subscriptions subscriptions = new Subscriptions();
    @FXML
    private StackPane root;
    @FXML
    private VBox content;
    @FXML
    private ListView<OutboxViewModel.CaseRow> cases;
    @FXML
    private Paragraph casesNone;
    @FXML
    private Button release;
    @FXML
    private VBox packages;
    @FXML
    private Paragraph packagesNone;
    @FXML
    private Button retry;
    @FXML
    private Button purge;
    @FXML
    private Paragraph message;
    private ConfirmOverlay question;

    public OutboxView(OutboxViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
    }

    @FXML
    private void initialize() {
        cases.setItems(model.cases());
        cases.setCellFactory(CheckBoxListCell.forListView(OutboxViewModel.CaseRow::selected, new StringConverter<>() {
            @Override
            public String toString(OutboxViewModel.CaseRow row) {
                return row == null ? "" : row.label();
            }

            @Override
            public OutboxViewModel.CaseRow fromString(String text) {
                return null;
            }
        }));
        // A check box inside a list cell never has the focus: Space on the list ticks the focused case.
        cases.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            OutboxViewModel.CaseRow row = cases.getFocusModel().getFocusedItem();
            if (e.getCode() == KeyCode.SPACE && row != null) {
                row.selected().set(!row.selected().get());
                e.consume();
            }
        });
        subscriptions.add(() -> cases.setItems(null));
        subscriptions.bind(release.disableProperty(), model.canReleaseProperty().not());
        subscriptions.bind(retry.disableProperty(), model.anyWaitingProperty().not());
        subscriptions.bind(purge.visibleProperty(), model.purgeableProperty().greaterThan(0));
        purge.managedProperty().bind(purge.visibleProperty());
        subscriptions.bind(message.contentProperty(), model.messageProperty());
        ListChangeListener<OutboxViewModel.CaseRow> casesChanged = c -> showEmpty();
        model.cases().addListener(casesChanged);
        subscriptions.add(() -> model.cases().removeListener(casesChanged));
        ListChangeListener<OutboxViewModel.PackageRow> packagesChanged = c -> buildPackages();
        model.packages().addListener(packagesChanged);
        subscriptions.add(() -> model.packages().removeListener(packagesChanged));
        subscriptions.add(model.askingReleaseProperty().subscribe(asking -> {
            if (asking) {
                ask(new ConfirmOverlay("outboxReleaseConfirm", i18n.get("outbox.release.title"),
                        i18n.get("outbox.release.body", model.chosenCount()), null, i18n.get("outbox.release.cancel"),
                        i18n.get("outbox.release.go"), model::cancelRelease, model::confirmRelease));
            } else if (question != null && question.node().getId().equals("outboxReleaseConfirm")) {
                dropQuestion();
            }
        }));
        subscriptions.add(model.askingPurgeProperty().subscribe(asking -> {
            if (asking) {
                ask(new ConfirmOverlay("outboxPurgeConfirm", i18n.get("outbox.purge.title"),
                        i18n.get("outbox.purge.body", model.purgeableProperty().get()), null, i18n.get("outbox.purge.keep"),
                        i18n.get("outbox.purge.go"), model::keep, model::confirmPurge));
            } else if (question != null && question.node().getId().equals("outboxPurgeConfirm")) {
                dropQuestion();
            }
        }));
        showEmpty();
        buildPackages();
        model.refresh(); // the lines again in the language the view is built in
    }

    private void showEmpty() {
        boolean none = model.cases().isEmpty();
        cases.setVisible(!none);
        cases.setManaged(!none);
        casesNone.setVisible(none);
        casesNone.setManaged(none);
    }

    /** One row per released package: its line, its state, and a bar while it is being sent. */
    private void buildPackages() {
        packages.getChildren().clear();
        for (OutboxViewModel.PackageRow row : model.packages()) {
            Label label = new Label(row.label());
            Paragraph status = new Paragraph();
            status.setId("outboxStatus-" + row.itemId());
            status.contentProperty().bind(row.status());
            ProgressBar bar = new ProgressBar();
            bar.setId("outboxProgress-" + row.itemId());
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.progressProperty().bind(row.progress());
            bar.visibleProperty().bind(row.sending());
            bar.managedProperty().bind(bar.visibleProperty());
            VBox box = new VBox(4, label, status, bar);
            box.getStyleClass().add(Styles.OUTBOX_ROW);
            box.setId("outboxPackage-" + row.itemId());
            packages.getChildren().add(box);
        }
        boolean none = model.packages().isEmpty();
        packagesNone.setVisible(none);
        packagesNone.setManaged(none);
    }

    private void ask(ConfirmOverlay overlay) {
        dropQuestion();
        question = overlay;
        content.setDisable(true);
        root.getChildren().add(overlay.node());
        overlay.focusKeep();
    }

    private void dropQuestion() {
        if (question != null) {
            root.getChildren().remove(question.node());
            question = null;
            content.setDisable(false);
        }
    }

    @FXML
    private void onRelease() {
        model.askRelease();
    }

    @FXML
    private void onRetry() {
        model.retryNow();
    }

    @FXML
    private void onPurge() {
        model.askPurge();
    }

    @FXML
    private void onBack() {
        model.back();
    }

    @Override
    public void release() {
        subscriptions.release();
        packages.getChildren().clear();
    }
}

package org.harbor.ui.export;

import java.io.File;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.beans.binding.Bindings;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.stage.FileChooser;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import org.harbor.i18n.I18n;
import org.harbor.ui.common.ConfirmOverlay;
import javafx.util.StringConverter;
import org.harbor.ui.common.Paragraph;
import org.harbor.ui.common.Scrolling;

/** Binds the "Send to the central office" screen; the file and folder choosers are the only thing it does itself. */
public final class PackagesView {

    private final PackagesViewModel model;
    private final String exportTitle;
    private final String importTitle;
    @FXML
    private StackPane layers;
    @FXML
    private ScrollPane scroll;
    @FXML
    private VBox root;
    @FXML
    private Label title;
    @FXML
    private VBox writtenPane;
    @FXML
    private ListView<String> written;
    @FXML
    private VBox keysPane;
    @FXML
    private VBox trustPane;
    @FXML
    private Label fingerprint;
    @FXML
    private TextField readOut;
    @FXML
    private Button trustImport;
    @FXML
    private Paragraph trustMessage;
    @FXML
    private Paragraph receiptMessage;
    @FXML
    private VBox fieldPane;
    @FXML
    private VBox centralPane;
    @FXML
    private ListView<PackagesViewModel.Row> cases;
    @FXML
    private Button export;
    @FXML
    private Button importButton;
    @FXML
    private Button cancel;
    @FXML
    private ProgressBar progress;
    @FXML
    private Paragraph message;

    private final I18n i18n;

    /** Where the files come from: the operating system's choosers, or a test's answers (no chooser shows headless). */
    interface Chooser {
        File folder(Window owner, String title);

        File file(Window owner, String title);
    }

    static final Chooser SYSTEM = new Chooser() {
        @Override
        public File folder(Window owner, String title) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(title);
            return chooser.showDialog(owner);
        }

        @Override
        public File file(Window owner, String title) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            return chooser.showOpenDialog(owner);
        }
    };

    /** The choosers the screen uses; a UI test in this package answers them itself. */
    static volatile Chooser chooser = SYSTEM;

    public PackagesView(PackagesViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        this.exportTitle = i18n.get("packages.export.choose");
        this.importTitle = i18n.get("packages.import.choose");
    }

    @FXML
    private void initialize() {
        cases.setItems(model.rows());
        cases.setCellFactory(CheckBoxListCell.forListView(PackagesViewModel.Row::selected, new StringConverter<>() {
            @Override
            public String toString(PackagesViewModel.Row row) {
                return row == null ? "" : row.label();
            }

            @Override
            public PackagesViewModel.Row fromString(String text) {
                return null;
            }
        }));
        // A check box inside a list cell never has the focus: Space on the list ticks the focused case.
        cases.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            PackagesViewModel.Row row = cases.getFocusModel().getFocusedItem();
            if (e.getCode() == KeyCode.SPACE && row != null) {
                row.selected().set(!row.selected().get());
                e.consume();
            }
        });
        fieldPane.visibleProperty().bind(model.centralProperty().not());
        fieldPane.managedProperty().bind(fieldPane.visibleProperty());
        centralPane.visibleProperty().bind(model.centralProperty());
        centralPane.managedProperty().bind(centralPane.visibleProperty());
        export.disableProperty().bind(model.canExportProperty().not());
        importButton.disableProperty().bind(model.workingProperty());
        cancel.visibleProperty().bind(model.workingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.workingProperty());
        message.contentProperty().bind(model.messageProperty());
        title.textProperty().bind(Bindings.when(model.centralProperty())
                .then(i18n.get("packages.title")).otherwise(i18n.get("send.title")));
        written.setItems(model.written());
        writtenPane.visibleProperty().bind(Bindings.isNotEmpty(model.written()));
        writtenPane.managedProperty().bind(writtenPane.visibleProperty());
        keysPane.visibleProperty().bind(model.centralProperty().not());
        keysPane.managedProperty().bind(keysPane.visibleProperty());
        trustPane.visibleProperty().bind(model.bundleProperty().isNotNull());
        trustPane.managedProperty().bind(trustPane.visibleProperty());
        fingerprint.textProperty().bind(model.bundleFingerprintProperty());
        readOut.textProperty().bindBidirectional(model.readOutProperty());
        readOut.setOnAction(e -> {
            e.consume(); // Enter here imports the keys, never the default button (export)
            onImportTrust();
        });
        trustImport.disableProperty().bind(model.readOutProperty().isEmpty());
        trustMessage.contentProperty().bind(model.trustMessageProperty());
        receiptMessage.contentProperty().bind(model.receiptMessageProperty());
        // Shown, the fingerprint's groups are read aloud; the field takes what the office reads out.
        model.bundleProperty().addListener((o, was, is) -> {
            if (is != null) {
                readOut.requestFocus();
            }
        });
        // Deleting cannot be undone: the question comes over the screen, "Keep" is the default and has the focus.
        ConfirmOverlay purge = new ConfirmOverlay("sendPurge", i18n.get("send.purge.title"), "", null,
                i18n.get("send.purge.keep"), i18n.get("send.purge.go"), model::keepReceived, model::purgeReceived);
        purge.node().visibleProperty().bind(model.purgeOfferedProperty());
        purge.node().managedProperty().bind(purge.node().visibleProperty());
        Scrolling.uncached(scroll);
        scroll.disableProperty().bind(model.purgeOfferedProperty());
        Paragraph question = (Paragraph) purge.node().lookup("#sendPurgeText");
        model.purgeOfferedProperty().addListener((o, was, is) -> {
            if (is) {
                question.setContent(model.purgeQuestion());
                purge.focusKeep();
            }
        });
        layers.getChildren().add(purge.node());
        model.refresh();
    }

    @FXML
    private void onExport() {
        File folder = chooser.folder(root.getScene().getWindow(), exportTitle);
        if (folder != null) {
            model.exportTo(folder.toPath());
        }
    }

    @FXML
    private void onChooseTrust() {
        File file = chooser.file(root.getScene().getWindow(), i18n.get("send.trust.choose"));
        if (file != null) {
            model.readBundle(file.toPath());
        }
    }

    @FXML
    private void onImportTrust() {
        model.importBundle();
    }

    @FXML
    private void onChooseReceipt() {
        File file = chooser.file(root.getScene().getWindow(), i18n.get("send.receipt.choose"));
        if (file != null) {
            model.applyReceipt(file.toPath());
        }
    }

    @FXML
    private void onImport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(importTitle);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Harbor", "*.harbor"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            model.importPackage(file.toPath());
        }
    }

    @FXML
    private void onCancel() {
        model.cancel();
    }

    @FXML
    private void onBack() {
        model.back();
    }
}

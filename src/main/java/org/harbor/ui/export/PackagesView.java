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
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.harbor.ui.common.Paragraph;

/** Binds the package screen; the file choosers are the only thing it does itself. */
public final class PackagesView {

    private final PackagesViewModel model;
    private final String exportTitle;
    private final String importTitle;
    @FXML
    private VBox root;
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

    public PackagesView(PackagesViewModel model, String exportTitle, String importTitle) {
        this.model = model;
        this.exportTitle = exportTitle;
        this.importTitle = importTitle;
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
        model.refresh();
    }

    @FXML
    private void onExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(exportTitle);
        chooser.setInitialFileName("cases.harbor");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Harbor", "*.harbor"));
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            model.export(file.toPath());
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

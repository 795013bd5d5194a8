package org.harbor.ui.attachments;

import javafx.scene.Node;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.BooleanProperty;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.harbor.attachments.Attachment;
import org.harbor.attachments.AttachmentKind;
import org.harbor.attachments.ImageDimensions;
import org.harbor.attachments.OpenedAttachment;
import org.harbor.attachments.PdfPreview;
import org.harbor.i18n.I18n;
import org.harbor.ui.common.ColumnWidths;
import org.harbor.ui.common.Paragraph;
import org.harbor.ui.common.Prompts;
import org.harbor.ui.common.ScreenContext;
import org.harbor.ui.common.Styles;
import org.harbor.ui.common.Subscriptions;
import org.harbor.ui.common.Scrolling;

/**
 * The attachments of one case, for embedding in the case view: attach by button or by dropping
 * files, the list, progress while attaching, the preview of images and PDFs (decrypted in memory),
 * and, for supervisors, saving a copy out and removing. Call {@link #dispose()} when the case view
 * goes away: it overwrites what was shown.
 */
public final class AttachmentsPane extends VBox {

    /** Images larger than this on a side are decoded scaled down. */
    static final int MAX_SIDE = 2400;

    private final AttachmentsViewModel model;
    private final I18n i18n;
    private final AttachmentTexts texts;
    private final ImageView preview = new ImageView();
    private final Subscriptions subscriptions = new Subscriptions();
    private Function<Window, List<Path>> fileChooser = this::chooseFiles;
    private Function<Window, Optional<Path>> folderChooser = this::chooseFolder;

    public AttachmentsPane(ScreenContext context, String caseId) {
        this(AttachmentScreens.model(context, caseId));
    }

    private final BooleanProperty readOnly = new SimpleBooleanProperty(false);

    public AttachmentsPane(AttachmentsViewModel model) {
        this.model = model;
        this.i18n = model.i18n();
        this.texts = model.texts();
        setSpacing(8);
        getStyleClass().add(Styles.ATTACHMENTS_PANE);
        Label title = new Label(i18n.get("attachments.pane.title"));
        title.getStyleClass().add(Styles.SECTION_TITLE);
        HBox addRow = addRow();
        Paragraph hint = hint();
        for (Node n : List.of(addRow, hint)) {
            n.visibleProperty().bind(readOnly.not());
            n.managedProperty().bind(readOnly.not());
        }
        getChildren().addAll(title, addRow, hint, progressBar(), message(), confirmationBar(), table(), actions(), previewBox());
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && !readOnly.get()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && !readOnly.get();
            if (ok) {
                model.attach(e.getDragboard().getFiles().stream().filter(File::isFile).map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        model.refresh();
    }

    /**
     * True for a sealed case: nothing is attached any more, so the attach button, the note, the
     * drop hint and the file chooser are gone and dropped files are not taken.
     */
    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    /** Replaces the file chooser (tests choose files without a native dialog). */
    public void setFileChooser(Function<Window, List<Path>> chooser) {
        this.fileChooser = chooser;
    }

    /** Replaces the folder chooser for saved copies. */
    public void setFolderChooser(Function<Window, Optional<Path>> chooser) {
        this.folderChooser = chooser;
    }

    public AttachmentsViewModel model() {
        return model;
    }

    public void dispose() {
        subscriptions.release();
        preview.setImage(null);
        model.dispose();
    }

    private HBox addRow() {
        Button add = new Button(i18n.get("attachments.pane.add"));
        add.setId("attachmentsAdd");
        subscriptions.bind(add.disableProperty(), model.attachingProperty());
        add.setOnAction(e -> model.attach(fileChooser.apply(getScene() == null ? null : getScene().getWindow())));
        TextField note = new TextField();
        note.setId("attachmentsNote");
        note.setPromptText(i18n.get("attachments.pane.note"));
        Prompts.whole(note);
        subscriptions.bindBidirectional(note.textProperty(), model.noteProperty());
        HBox.setHgrow(note, Priority.ALWAYS);
        HBox row = new HBox(8, add, note);
        return row;
    }

    private Paragraph hint() {
        Paragraph hint = new Paragraph(i18n.get("attachments.pane.dropHint"));
        hint.getStyleClass().add(Styles.HINT);
        return hint;
    }

    private ProgressBar progressBar() {
        ProgressBar bar = new ProgressBar();
        bar.setId("attachmentsProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        subscriptions.bind(bar.progressProperty(), model.progressProperty());
        subscriptions.bind(bar.visibleProperty(), model.attachingProperty());
        subscriptions.bind(bar.managedProperty(), model.attachingProperty());
        return bar;
    }

    private Paragraph message() {
        Paragraph message = new Paragraph();
        message.setId("attachmentsMessage");
        subscriptions.bind(message.contentProperty(), model.messageProperty());
        subscriptions.add(model.errorProperty().subscribe((was, now) -> {
            message.getStyleClass().remove(Styles.ERROR);
            if (now) {
                message.getStyleClass().add(Styles.ERROR);
            }
        }));
        return message;
    }

    private VBox confirmationBar() {
        Paragraph question = new Paragraph();
        question.setId("attachmentsQuestion");
        Button confirm = new Button();
        confirm.setId("attachmentsConfirm");
        Button cancel = new Button();
        cancel.setId("attachmentsCancel");
        VBox bar = new VBox(6, question, new HBox(8, confirm, cancel));
        bar.getStyleClass().add(Styles.TOP_BAR);
        subscriptions.bind(bar.visibleProperty(), model.confirmationProperty().isNotNull());
        bar.managedProperty().bind(bar.visibleProperty());
        subscriptions.add(model.confirmationProperty().subscribe((old, now) -> {
            if (now != null) {
                question.setContent(texts.questionText(now));
                confirm.setText(texts.confirmText(now));
                cancel.setText(texts.cancelText(now));
                // What cannot be undone (deleting the original, removing an attachment) is never the
                // default answer: the safe one has the focus and Enter (issue 14).
                boolean irreversible = now.question() != AttachmentsViewModel.Question.SAVE_COPY;
                cancel.setDefaultButton(irreversible);
                Button first = irreversible ? cancel : confirm;
                // after the bar is shown and laid out: a hidden button cannot take the focus
                Platform.runLater(first::requestFocus);
            } else {
                question.setContent("");
                cancel.setDefaultButton(false);
            }
        }));
        confirm.setOnAction(e -> {
            var asked = model.confirmationProperty().get();
            if (asked != null && asked.question() == AttachmentsViewModel.Question.SAVE_COPY) {
                model.confirm(folderChooser.apply(getScene() == null ? null : getScene().getWindow()));
            } else {
                model.confirm(Optional.empty());
            }
        });
        cancel.setOnAction(e -> model.cancel());
        return bar;
    }

    private TableView<Attachment> table() {
        TableView<Attachment> table = new TableView<>(model.items());
        table.setId("attachmentsList");
        table.setPrefHeight(180);
        table.setPlaceholder(new Label(i18n.get("attachments.pane.empty")));
        table.getColumns().add(column("attachments.pane.column.name", Attachment::originalName, 220));
        table.getColumns().add(column("attachments.pane.column.type", texts::kindName, 80));
        table.getColumns().add(column("attachments.pane.column.size", texts::sizeText, 80));
        table.getColumns().add(column("attachments.pane.column.addedBy", Attachment::addedByName, 120));
        table.getColumns().add(column("attachments.pane.column.addedAt", texts::whenText, 150));
        subscriptions.add(ColumnWidths.fit(table));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty().set(now));
        subscriptions.add(model.selectedProperty().subscribe((old, now) -> {
            if (now != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(now);
            }
        }));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.showSelected();
                e.consume();
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                model.showSelected();
            }
        });
        return table;
    }

    private TableColumn<Attachment, String> column(String key, Function<Attachment, String> text, double width) {
        TableColumn<Attachment, String> column = new TableColumn<>(i18n.get(key));
        column.setCellValueFactory(c -> Bindings.createStringBinding(() -> text.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private HBox actions() {
        Button show = new Button(i18n.get("attachments.pane.show"));
        show.setId("attachmentsShow");
        subscriptions.bind(show.disableProperty(), model.selectedProperty().isNull());
        show.setOnAction(e -> model.showSelected());
        HBox row = new HBox(8, show);
        if (model.canManage()) {
            Button save = new Button(i18n.get("attachments.pane.save"));
            save.setId("attachmentsSave");
            subscriptions.bind(save.disableProperty(), model.selectedProperty().isNull());
            save.setOnAction(e -> model.askToSaveCopy());
            Button remove = new Button(i18n.get("attachments.pane.remove"));
            remove.setId("attachmentsRemove");
            subscriptions.bind(remove.disableProperty(), model.selectedProperty().isNull());
            remove.setOnAction(e -> model.askToRemove());
            row.getChildren().addAll(save, remove);
        }
        return row;
    }

    private VBox previewBox() {
        preview.setId("attachmentsPreview");
        preview.setPreserveRatio(true);
        ScrollPane scroll = Scrolling.pane(preview);
        scroll.setPrefViewportHeight(360);
        preview.fitWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(50, scroll.getViewportBounds().getWidth() - 4), scroll.viewportBoundsProperty()));
        Button previous = new Button(i18n.get("attachments.pane.previousPage"));
        previous.setId("attachmentsPreviousPage");
        previous.setOnAction(e -> model.previousPage());
        Button next = new Button(i18n.get("attachments.pane.nextPage"));
        next.setId("attachmentsNextPage");
        next.setOnAction(e -> model.nextPage());
        Label page = new Label();
        page.setId("attachmentsPage");
        HBox pages = new HBox(8, previous, page, next);
        subscriptions.bind(pages.visibleProperty(), model.pdfPageProperty().isNotNull());
        pages.managedProperty().bind(pages.visibleProperty());
        Button close = new Button(i18n.get("generic.close"));
        close.setId("attachmentsClosePreview");
        close.setOnAction(e -> model.closePreview());
        HBox bar = new HBox(8, close, pages);
        VBox box = new VBox(6, bar, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        subscriptions.bind(box.visibleProperty(), model.openedProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        subscriptions.add(model.openedProperty().subscribe((old, now) -> showOpened(now)));
        subscriptions.add(model.pdfPageProperty().subscribe((old, now) -> {
            if (now != null) {
                preview.setImage(toImage(now));
                page.setText(texts.pageText(now));
            }
        }));
        return box;
    }

    private void showOpened(OpenedAttachment opened) {
        if (opened == null) {
            preview.setImage(null);
            return;
        }
        if (opened.attachment().kind() == AttachmentKind.IMAGE) {
            // decoded from memory (the plaintext never reaches a file); a large photo at most
            // MAX_SIDE pixels a side, so that its pixels do not fill the heap
            boolean large = ImageDimensions.of(opened.content())
                    .map(size -> size.width() > MAX_SIDE || size.height() > MAX_SIDE).orElse(true);
            ByteArrayInputStream in = new ByteArrayInputStream(opened.content());
            Image image = large ? new Image(in, MAX_SIDE, MAX_SIDE, true, true) : new Image(in);
            if (image.isError()) {
                model.imageFailed();
            } else {
                preview.setImage(image);
            }
        }
    }

    /** Copies the drawn page's pixels into an image, without the javafx.swing bridge. */
    private static Image toImage(PdfPreview.Page page) {
        WritableImage image = new WritableImage(page.width(), page.height());
        image.getPixelWriter().setPixels(0, 0, page.width(), page.height(), PixelFormat.getIntArgbInstance(),
                page.argb(), 0, page.width());
        return image;
    }

    private List<Path> chooseFiles(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get("attachments.pane.chooseFiles"));
        List<File> files = chooser.showOpenMultipleDialog(owner);
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    private Optional<Path> chooseFolder(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(i18n.get("attachments.pane.chooseFolder"));
        return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
    }
}

package org.harbor.ui.attachments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.attachments.Attachment;
import org.harbor.attachments.OpenedAttachment;
import org.harbor.attachments.PdfPreview;
import org.harbor.i18n.I18n;
import org.harbor.i18n.Refusal;
import org.harbor.ui.common.Messages;
import org.harbor.ui.common.UiExecutor;
import org.harbor.usecases.AttachFile;
import org.harbor.usecases.ManageAttachments;
import org.harbor.usecases.ViewAttachments;

/**
 * The attachments of one case: the list, attaching with progress, the offer to delete an
 * original, the in-memory preview, and (supervisors) saving a copy out and removing. All vault
 * work runs on the {@link UiExecutor}; results and progress come back on the UI thread.
 */
public final class AttachmentsViewModel {

    /** What the confirmation bar is asking. */
    public enum Question { DELETE_SOURCE, SAVE_COPY, REMOVE }

    /** A question with the attachment it is about (and, for the original, its path). */
    public record Confirmation(Question question, Attachment attachment, Path source) {
    }

    private final AttachFile attaching;
    private final ViewAttachments viewing;
    private final ManageAttachments managing;
    private final I18n i18n;
    private final UiExecutor background;
    private final Session session;
    private final String caseId;
    private final ObservableList<Attachment> items = FXCollections.observableArrayList();
    private final ObjectProperty<Attachment> selected = new SimpleObjectProperty<>();
    private final StringProperty note = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper attachingNow = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Confirmation> confirmation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<OpenedAttachment> opened = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<PdfPreview.Page> pdfPage = new ReadOnlyObjectWrapper<>();
    private final ArrayDeque<Confirmation> pendingSources = new ArrayDeque<>();

    public AttachmentsViewModel(AttachFile attaching, ViewAttachments viewing, ManageAttachments managing, I18n i18n,
                                UiExecutor background, Session session, String caseId) {
        this.attaching = attaching;
        this.viewing = viewing;
        this.managing = managing;
        this.i18n = i18n;
        this.background = background;
        this.session = session;
        this.caseId = caseId;
    }

    // --- state ------------------------------------------------------------------------------

    public ObservableList<Attachment> items() {
        return items;
    }

    public ObjectProperty<Attachment> selectedProperty() {
        return selected;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** From 0 to 1 while files are attached. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty attachingProperty() {
        return attachingNow.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Confirmation> confirmationProperty() {
        return confirmation.getReadOnlyProperty();
    }

    /** The attachment being shown, decrypted in memory; null when the preview is closed. */
    public ReadOnlyObjectProperty<OpenedAttachment> openedProperty() {
        return opened.getReadOnlyProperty();
    }

    /** The drawn PDF page, when a PDF is shown. */
    public ReadOnlyObjectProperty<PdfPreview.Page> pdfPageProperty() {
        return pdfPage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return background.busyProperty();
    }

    /** Supervisors save copies out and remove attachments. */
    public boolean canManage() {
        return session.role().can(Permission.MANAGE_ATTACHMENTS);
    }

    public I18n i18n() {
        return i18n;
    }

    // --- commands ---------------------------------------------------------------------------

    public void refresh() {
        background.run(() -> viewing.list(session, caseId),
                list -> {
                    Attachment keep = selected.get();
                    items.setAll(list);
                    selected.set(keep == null ? null : list.stream().filter(a -> a.id().equals(keep.id())).findFirst().orElse(null));
                }, this::fail);
    }

    /** Attaches the files one after the other, with progress; then offers to delete each original. */
    public void attach(List<Path> files) {
        if (files == null || files.isEmpty() || attachingNow.get()) {
            return;
        }
        Optional<String> chosenNote = Optional.of(note.get()).filter(n -> !n.isBlank());
        List<Path> chosen = List.copyOf(files);
        long[] sizes = chosen.stream().mapToLong(AttachmentsViewModel::sizeOrZero).toArray();
        long grandTotal = Math.max(1, Arrays.stream(sizes).sum());
        attachingNow.set(true);
        progress.set(0);
        say(i18n().get("attachments.pane.progress", 1, chosen.size()), false);
        AtomicLong shownPermille = new AtomicLong(-1);
        background.run(() -> {
            List<Confirmation> attached = new ArrayList<>();
            long before = 0;
            try {
                for (int i = 0; i < chosen.size(); i++) {
                    long offset = before;
                    int position = i + 1;
                    background.onUi(() -> say(i18n().get("attachments.pane.progress", position, chosen.size()), false));
                    Attachment a = attaching.attach(session, caseId, chosen.get(i), chosenNote,
                            (done, total) -> {
                                long permille = (offset + done) * 1000 / grandTotal;
                                if (shownPermille.getAndSet(permille) != permille) {
                                    background.onUi(() -> progress.set(permille / 1000.0));
                                }
                            });
                    attached.add(new Confirmation(Question.DELETE_SOURCE, a, chosen.get(i)));
                    before += sizes[i];
                }
            } catch (RuntimeException e) {
                background.onUi(() -> offerSourceDeletion(attached));
                throw e;
            }
            return attached;
        }, attached -> {
            attachingNow.set(false);
            progress.set(1);
            note.set("");
            say(i18n().get("attachments.pane.attached", attached.size()), false);
            offerSourceDeletion(attached);
            refresh();
        }, e -> {
            attachingNow.set(false);
            fail(e);
            refresh();
        });
    }

    private void offerSourceDeletion(List<Confirmation> attached) {
        pendingSources.addAll(attached);
        if (confirmation.get() == null) {
            confirmation.set(pendingSources.poll());
        }
    }

    public void askToSaveCopy() {
        if (selected.get() != null && canManage()) {
            confirmation.set(new Confirmation(Question.SAVE_COPY, selected.get(), null));
        }
    }

    public void askToRemove() {
        if (selected.get() != null && canManage()) {
            confirmation.set(new Confirmation(Question.REMOVE, selected.get(), null));
        }
    }

    /** No to the current question; the next original waiting, if any, is asked about. */
    public void cancel() {
        confirmation.set(pendingSources.poll());
    }

    private void askNextSource() {
        if (confirmation.get() == null) {
            confirmation.set(pendingSources.poll());
        }
    }

    /** Yes to the current question. {@code folder} is the chosen folder for a saved copy (else ignored). */
    public void confirm(Optional<Path> folder) {
        Confirmation asked = confirmation.get();
        if (asked == null) {
            return;
        }
        switch (asked.question()) {
            case DELETE_SOURCE -> {
                confirmation.set(null); // answered once: a second press cannot delete twice
                background.run(() -> {
                    attaching.deleteOriginal(session, asked.attachment().id(), asked.source());
                    return null;
                }, done -> {
                    say(i18n().get("attachments.pane.deleteSource.done"), false);
                    askNextSource();
                }, e -> {
                    fail(e);
                    askNextSource();
                });
            }
            case SAVE_COPY -> {
                if (folder.isEmpty()) {
                    return;
                }
                confirmation.set(null);
                background.run(() -> managing.saveCopy(session, asked.attachment().id(), folder.get()),
                        saved -> say(i18n().get("attachments.pane.saved", saved.toString()), false), this::fail);
            }
            case REMOVE -> {
                confirmation.set(null);
                if (opened.get() != null && opened.get().attachment().id().equals(asked.attachment().id())) {
                    closePreview();
                }
                background.run(() -> {
                    managing.remove(session, asked.attachment().id());
                    return null;
                }, done -> {
                    say(i18n().get("attachments.pane.removed"), false);
                    refresh();
                }, this::fail);
            }
        }
    }

    /** Decrypts the selected image or PDF into memory and shows it; other types say why not. */
    public void showSelected() {
        Attachment a = selected.get();
        if (a == null) {
            return;
        }
        if (!a.kind().viewable()) {
            say(i18n().get("attachments.pane.notShown"), true);
            return;
        }
        closePreview();
        background.run(() -> viewing.show(session, a), shown -> {
            opened.set(shown.opened());
            pdfPage.set(shown.page());
            say("", false);
        }, this::fail);
    }

    public void nextPage() {
        turnTo(+1);
    }

    public void previousPage() {
        turnTo(-1);
    }

    private void turnTo(int delta) {
        OpenedAttachment o = opened.get();
        PdfPreview.Page page = pdfPage.get();
        if (o == null || page == null) {
            return;
        }
        int index = page.pageIndex() + delta;
        if (index < 0 || index >= page.pageCount()) {
            return;
        }
        background.run(() -> viewing.page(o, index), next -> {
            if (opened.get() == o) {
                pdfPage.set(next);
            }
        }, this::fail);
    }

    /** Closes the preview and overwrites the decrypted bytes. */
    public void closePreview() {
        OpenedAttachment o = opened.get();
        opened.set(null);
        pdfPage.set(null);
        if (o != null) {
            o.wipe();
        }
    }

    /** Forgets everything shown (when the case view goes away or the vault locks). */
    public void dispose() {
        closePreview();
        items.clear();
        pendingSources.clear();
        confirmation.set(null);
        selected.set(null);
    }

    /** The words and numbers the view shows, in the display language. */
    public AttachmentTexts texts() {
        return new AttachmentTexts(i18n());
    }

    /** The view reports an image that does not decode. */
    public void imageFailed() {
        closePreview();
        say(i18n().get("attachments.error.cannotShow"), true);
    }

    private void fail(Exception e) {
        say(Messages.of(e, i18n()), true);
    }

    private void say(String text, boolean isError) {
        message.set(text);
        error.set(isError);
    }

    private static long sizeOrZero(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}

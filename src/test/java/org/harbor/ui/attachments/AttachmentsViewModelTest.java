package org.harbor.ui.attachments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.attachments.Attachment;
import org.harbor.attachments.OpenedAttachment;
import org.harbor.attachments.TestImages;
import org.harbor.ui.common.FieldVault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Issue 13: the attachments view-model gets its use cases and a UiExecutor, tested without the JavaFX toolkit")
class AttachmentsViewModelTest {

    @TempDir
    Path dir;
    FieldVault vault;
    String caseId;
    Path photo;
    Path letter;
    byte[] photoBytes;

    @BeforeEach
    void open() throws Exception {
        vault = new FieldVault(dir.resolve("home"));
        caseId = vault.harbor.cases().create(vault.supervisor, "Synthetic Person", List.of()).id();
        Path sources = Files.createDirectories(dir.resolve("sources"));
        photoBytes = TestImages.png(40, 30);
        photo = Files.write(sources.resolve("identity-card.png"), photoBytes);
        letter = Files.writeString(sources.resolve("letter.txt"), "synthetic letter");
    }

    @AfterEach
    void close() {
        vault.close();
    }

    private AttachmentsViewModel model(Session session) {
        var useCases = vault.useCases();
        return new AttachmentsViewModel(useCases.attachFile(), useCases.viewAttachments(), useCases.manageAttachments(),
                vault.harbor.i18n(), vault.ui, session, caseId);
    }

    @Test
    @DisplayName("attaches files with progress, lists them, then asks about each original in turn")
    void attachesThenAsksAboutOriginals() throws Exception {
        AttachmentsViewModel model = model(vault.supervisor);
        model.noteProperty().set("synthetic note");
        model.attach(List.of(photo, letter));
        assertEquals(List.of("identity-card.png", "letter.txt"),
                model.items().stream().map(Attachment::originalName).sorted().toList());
        assertEquals(1.0, model.progressProperty().get());
        assertFalse(model.attachingProperty().get());
        assertEquals(vault.says("attachments.pane.attached", 2), model.messageProperty().get());
        assertEquals("", model.noteProperty().get());

        AttachmentsViewModel.Confirmation first = model.confirmationProperty().get();
        assertEquals(AttachmentsViewModel.Question.DELETE_SOURCE, first.question());
        assertEquals(photo, first.source());
        model.confirm(Optional.empty());
        assertFalse(Files.exists(photo), "yes deletes the original");
        assertEquals(vault.says("attachments.pane.deleteSource.done"), model.messageProperty().get());

        AttachmentsViewModel.Confirmation second = model.confirmationProperty().get();
        assertEquals(letter, second.source());
        model.cancel();
        assertTrue(Files.exists(letter), "no keeps it");
        assertNull(model.confirmationProperty().get());
    }

    @Test
    @DisplayName("shows an image decrypted in memory and wipes it on close; other types are not shown")
    void preview() throws Exception {
        AttachmentsViewModel model = model(vault.supervisor);
        model.attach(List.of(photo, letter));
        model.selectedProperty().set(byName(model, "identity-card.png"));
        model.showSelected();
        OpenedAttachment opened = model.openedProperty().get();
        assertArrayEquals(photoBytes, opened.content());
        assertNull(model.pdfPageProperty().get());
        model.closePreview();
        assertNull(model.openedProperty().get());
        assertFalse(java.util.Arrays.equals(photoBytes, opened.content()), "the decrypted bytes are overwritten");

        model.selectedProperty().set(byName(model, "letter.txt"));
        model.showSelected();
        assertNull(model.openedProperty().get());
        assertEquals(vault.says("attachments.pane.notShown"), model.messageProperty().get());
        assertTrue(model.errorProperty().get());
    }

    @Test
    @DisplayName("a supervisor saves a copy out and removes an attachment")
    void supervisorManages() throws Exception {
        AttachmentsViewModel model = model(vault.supervisor);
        assertTrue(model.canManage());
        model.attach(List.of(photo));
        model.cancel();
        model.selectedProperty().set(byName(model, "identity-card.png"));
        model.askToSaveCopy();
        assertEquals(AttachmentsViewModel.Question.SAVE_COPY, model.confirmationProperty().get().question());
        Path folder = Files.createDirectories(dir.resolve("out"));
        model.confirm(Optional.of(folder));
        try (var saved = Files.list(folder)) {
            Path copy = saved.findFirst().orElseThrow(() -> new AssertionError(model.messageProperty().get()));
            assertArrayEquals(photoBytes, Files.readAllBytes(copy));
        }
        model.askToRemove();
        model.confirm(Optional.empty());
        assertEquals(vault.says("attachments.pane.removed"), model.messageProperty().get());
        assertTrue(model.items().isEmpty());
        assertTrue(vault.harbor.attachments().list(vault.supervisor, caseId).isEmpty());
    }

    @Test
    @DisplayName("an interviewer attaches but is not asked to save copies or remove")
    void interviewerDoesNotManage() throws Exception {
        Session ivo = vault.signInAs("ivo", Role.INTERVIEWER);
        caseId = vault.harbor.cases().create(ivo, "Synthetic Ivo Case", List.of()).id();
        AttachmentsViewModel model = model(ivo);
        assertFalse(model.canManage());
        model.attach(List.of(photo));
        assertEquals(1, model.items().size(), model.messageProperty().get());
        model.cancel();
        model.selectedProperty().set(model.items().getFirst());
        model.askToRemove();
        model.askToSaveCopy();
        assertNull(model.confirmationProperty().get());
    }

    @Test
    @DisplayName("forgets the list, the questions and the preview when the case view goes away")
    void dispose() throws Exception {
        AttachmentsViewModel model = model(vault.supervisor);
        model.attach(List.of(photo));
        model.selectedProperty().set(model.items().getFirst());
        model.showSelected();
        model.dispose();
        assertTrue(model.items().isEmpty());
        assertNull(model.openedProperty().get());
        assertNull(model.confirmationProperty().get());
    }

    private static Attachment byName(AttachmentsViewModel model, String name) {
        return model.items().stream().filter(a -> a.originalName().equals(name)).findFirst().orElseThrow();
    }
}

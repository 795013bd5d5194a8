package org.harbor.ui.cases;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.harbor.i18n.I18n;
import org.harbor.i18n.LocalizedDates;
import org.harbor.seal.SealKind;
import org.harbor.seal.SealStatus;
import org.harbor.ui.common.Paragraph;
import org.harbor.ui.common.ScreenContext;
import org.harbor.ui.common.Styles;

/**
 * Seals on the case view: for each, what it covers, who signed it and when, the key's
 * fingerprint and whether it verifies now; "verify" checks again (audited), "seal" opens the seal
 * dialog (what is incomplete, then the typed case number) before the case is sealed.
 */
public final class SealPane extends VBox {

    private final SealViewModel model;
    private final I18n i18n;
    private final VBox rows = new VBox(4);
    private final Paragraph message = new Paragraph();
    private final Paragraph sealedNotice = new Paragraph();
    private final Button seal = new Button();

    /** The pane of case {@code caseId}, with its view-model; {@code onSealed} runs once the case is sealed. */
    public static SealPane of(ScreenContext context, String caseId, Runnable onSealed) {
        return new SealPane(new SealViewModel(context.useCases().sealCase(), context.useCases().verifySeals(),
                context.background(), context.i18n(), context.session(), caseId, onSealed), context.i18n());
    }

    public SealPane(SealViewModel model, I18n i18n) {
        this.model = model;
        this.i18n = i18n;
        setSpacing(8);
        setId("sealPane");
        Label title = new Label(i18n.get("seal.pane.title"));
        title.getStyleClass().add(Styles.SECTION_TITLE);
        rows.setId("sealRows");
        message.setId("sealMessage");
        message.getStyleClass().add(Styles.ERROR);
        message.contentProperty().bind(model.messageProperty());
        Button verify = new Button(i18n.get("seal.pane.verify"));
        verify.setId("sealVerify");
        verify.setOnAction(e -> model.verify());
        seal.setText(i18n.get("seal.pane.sealCase"));
        seal.setId("sealCase");
        seal.setOnAction(e -> model.askToSeal());
        seal.disableProperty().bind(model.caseSealedProperty());
        boolean maySeal = model.maySeal();
        seal.setVisible(maySeal);
        seal.setManaged(maySeal);
        HBox actions = new HBox(8, verify, seal);
        actions.setAlignment(Pos.CENTER_LEFT);
        sealedNotice.setId("sealedNotice");
        sealedNotice.getStyleClass().add(Styles.SEAL_OK);
        sealedNotice.visibleProperty().bind(model.caseSealedProperty());
        sealedNotice.managedProperty().bind(model.caseSealedProperty());
        getChildren().addAll(title, sealedNotice, rows, actions, message);
        model.sealsProperty().addListener((o, was, is) -> {
            if (is != null) {
                show(is);
            }
        });
        model.readinessProperty().addListener((o, was, is) -> {
            if (is != null && was == null) {
                SealDialog.open(seal, model, i18n);
            }
        });
        model.load();
    }

    private void show(List<SealStatus> seals) {
        rows.getChildren().clear();
        seals.stream().filter(s -> s.kind() == SealKind.CASE).findFirst().ifPresent(s -> sealedNotice.setContent(
                i18n.get("seal.pane.sealedNotice", when(Instant.parse(s.sealedAt())), s.signerName(), s.sealId())));
        if (seals.isEmpty()) {
            rows.getChildren().add(new Paragraph(i18n.get("seal.pane.none")));
        }
        for (SealStatus s : seals) {
            Paragraph row = new Paragraph(i18n.get("seal.pane.row",
                    i18n.get("seal.pane.kind." + s.kind().name().toLowerCase(Locale.ROOT)),
                    s.signerName(), i18n.get("role." + s.signerRole()), when(Instant.parse(s.sealedAt())),
                    s.fingerprint(), i18n.get(s.verified() ? "seal.pane.verified"
                            : s.restrictedButSigned() ? "seal.pane.restricted" : "seal.pane.broken"),
                    s.coSigners().size()));
            if (!s.restrictedButSigned()) {
                row.getStyleClass().add(s.verified() ? Styles.SEAL_OK : Styles.ERROR);
            }
            rows.getChildren().add(row);
        }
    }

    private String when(Instant at) {
        return LocalizedDates.dateTime(at, i18n.locale(), ZoneId.systemDefault(), FormatStyle.MEDIUM, FormatStyle.MEDIUM);
    }
}

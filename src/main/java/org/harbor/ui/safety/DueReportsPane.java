package org.harbor.ui.safety;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.harbor.ui.common.Styles;
import org.harbor.ui.common.WrappingButton;

/** The reports due on the home screen (R18): a button per case with its countdown; hidden when none is due. */
public final class DueReportsPane {

    private final VBox root = new VBox(6);
    private final VBox list = new VBox(4);
    private final Timeline ticker;
    private final DueReportsViewModel model;
    private final ListChangeListener<DueReportsViewModel.Row> changed = c -> show();

    public DueReportsPane(DueReportsViewModel model) {
        this.model = model;
        Label title = new Label(model.title());
        title.getStyleClass().add(Styles.SECTION_TITLE);
        root.getChildren().setAll(title, list);
        root.setId("homeReports");
        root.getStyleClass().add(Styles.REPORT_CHECKLIST);
        model.rows().addListener(changed);
        show();
        ticker = new Timeline(new KeyFrame(Duration.seconds(20), e -> model.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    private void show() {
        list.getChildren().clear();
        int n = 0;
        for (DueReportsViewModel.Row row : model.rows()) {
            n++;
            // a sentence per case, broken into lines rather than cut short in longer languages (issue 19)
            Button open = new WrappingButton(row.text());
            open.setId("homeReport" + n);
            if (row.overdue()) {
                open.getStyleClass().add(Styles.REPORT_OVERDUE);
            }
            open.setOnAction(e -> model.open(row));
            list.getChildren().add(open);
        }
        root.setVisible(n > 0);
        root.setManaged(n > 0);
    }

    public Node node() {
        return root;
    }

    public void dispose() {
        ticker.stop();
        model.rows().removeListener(changed);
        model.dispose();
    }
}

package org.harbor.ui.home;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.layout.VBox;
import javafx.scene.control.Button;
import org.harbor.ui.common.InitialFocus;
import org.harbor.ui.common.Paragraph;

public final class HomeView {

    private final HomeViewModel model;
    @FXML
    private Paragraph greeting;
    @FXML
    private Button users;
    @FXML
    private Button settings;
    @FXML
    private Button cases;
    @FXML
    private Button interviewerStats;
    @FXML
    private Button centralOffice;
    @FXML
    private Button outbox;
    @FXML
    private Button send;

    @FXML
    private VBox reports;
    /** The reports due (R18), built by the shell; may be null. */
    private final Node dueReports;

    public HomeView(HomeViewModel model) {
        this(model, null);
    }

    public HomeView(HomeViewModel model, Node dueReports) {
        this.model = model;
        this.dueReports = dueReports;
    }

    @FXML
    private void initialize() {
        greeting.setContent(model.greeting());
        if (dueReports != null) {
            reports.getChildren().setAll(dueReports);
        }
        users.setVisible(model.canManageUsers());
        users.setManaged(model.canManageUsers());
        cases.setVisible(model.canSeeCases());
        cases.setManaged(model.canSeeCases());
        interviewerStats.setVisible(model.canReviewInterviewers());
        interviewerStats.setManaged(model.canReviewInterviewers());
        outbox.setVisible(model.canUseOutbox());
        outbox.setManaged(model.canUseOutbox());
        send.setVisible(model.canSendToCentralOffice());
        send.setManaged(model.canSendToCentralOffice());
        boolean central = model.canUseCentralOffice();
        centralOffice.setVisible(central);
        centralOffice.setManaged(central);
        InitialFocus.request(central ? centralOffice : model.canSeeCases() ? cases : settings);
    }

    @FXML
    private void onCases() {
        model.openCases();
    }

    @FXML
    private void onOutbox() {
        model.openOutbox();
    }

    @FXML
    private void onCentralOffice() {
        model.openCentralOffice();
    }

    @FXML
    private void onSend() {
        model.openSendToCentralOffice();
    }

    @FXML
    private void onSettings() {
        model.openSettings();
    }

    @FXML
    private void onInterviewerStats() {
        model.openInterviewerStats();
    }

    @FXML
    private void onUsers() {
        model.openUsers();
    }

    @FXML
    private void onChangePassphrase() {
        model.changePassphrase();
    }

    @FXML
    private void onLock() {
        model.lock();
    }
}

package org.harbor.app;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.event.EventHandler;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Subscription;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.i18n.I18n;
import org.harbor.ui.central.CentralScreens;
import org.harbor.vault.Integrity;
import org.harbor.vault.VaultKind;
import org.harbor.ui.common.Background;
import org.harbor.ui.common.ConfirmOverlay;
import org.harbor.ui.common.FxmlScreen;
import org.harbor.ui.common.Navigator;
import org.harbor.ui.common.Paragraph;
import org.harbor.ui.common.Screen;
import org.harbor.ui.common.ScreenContext;
import org.harbor.ui.cases.CaseScreens;
import org.harbor.ui.emergency.EmergencyPanel;
import org.harbor.ui.emergency.EmergencyViewModel;
import org.harbor.ui.export.ExportScreens;
import org.harbor.ui.outbox.OutboxScreens;
import org.harbor.ui.forms.FormScreens;
import org.harbor.ui.interview.InterviewScreens;
import org.harbor.ui.common.Styles;
import org.harbor.ui.home.HomeView;
import org.harbor.ui.home.HomeViewModel;
import org.harbor.ui.login.ChangePassphraseView;
import org.harbor.ui.login.ChangePassphraseViewModel;
import org.harbor.ui.login.LoginView;
import org.harbor.ui.login.LoginViewModel;
import org.harbor.ui.login.RecoveryView;
import org.harbor.ui.login.RecoveryViewModel;
import org.harbor.ui.settings.CentralStoreViewModel;
import org.harbor.ui.settings.EmergencyContactsViewModel;
import org.harbor.ui.settings.SettingsView;
import org.harbor.ui.settings.JurisdictionViewModel;
import org.harbor.ui.safety.DueReportsPane;
import org.harbor.ui.safety.DueReportsViewModel;
import org.harbor.ui.settings.SettingsViewModel;
import org.harbor.ui.setup.SetupView;
import org.harbor.ui.setup.SetupViewModel;
import org.harbor.ui.users.UsersView;
import org.harbor.ui.users.UsersViewModel;
import org.harbor.ui.common.Scrolling;

/**
 * The window: a top bar with the quick-hide button on every screen, the current screen beneath,
 * the quick-hide key, the idle lock, and navigation between screens.
 */
public final class Shell implements Navigator {

    public static final KeyCombination QUICK_HIDE = new KeyCodeCombination(KeyCode.H,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    /** Opens the emergency panel over any screen after log-in (R2). */
    public static final KeyCombination EMERGENCY = new KeyCodeCombination(KeyCode.E,
            KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    private static final long IDLE_CHECK_SECONDS = 5;
    /** How long before the idle lock its warning shows (issue 14). */
    static final Duration IDLE_WARNING = Duration.ofSeconds(30);

    private final Harbor harbor;
    private final Stage stage;
    private final Background background = new Background();
    private final Scene scene;
    /**
     * Asks the FX thread to check the idle lock every few seconds. A thread, not an endless
     * Timeline: a running animation keeps JavaFX drawing pulses all the time, which costs a
     * laptop's battery for nothing.
     */
    private final ScheduledExecutorService idleCheck = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("harbor-idle-check").factory());
    private Screen current;
    /** Holds the first field's focus against the scene's own until the user acts (see guardInitialFocus). */
    private Subscription focusGuard = Subscription.EMPTY;
    private boolean hidden;
    private EmergencyPanel emergency;
    private EmergencyViewModel emergencyModel;
    private Runnable emergencyRefocus = () -> { };
    /** The screen shown now, as a way back to it after a lock (issue 14); null for home and the screens before log-in. */
    private Runnable route;
    /** Where the user was when the vault locked by itself or was hidden, until the same user logs in again. */
    private KeptPlace kept;
    /** Drafts of the kept place still waiting for their field to appear (the screen loads from the vault). */
    private Map<String, String> pendingDrafts = Map.of();
    private Runnable stopRestoring = () -> { };
    /** Why the vault locked by itself, for the log-in screen; null after a plain log-out or a log-in. */
    private LoginViewModel.LockCause lockedBecause;
    private Node idleWarning;
    private ConfirmOverlay closeConfirm;

    public Shell(Harbor harbor, Stage stage) {
        this.harbor = harbor;
        this.stage = stage;
        this.scene = new Scene(new Region(), 960, 700);
        scene.getStylesheets().add(Shell.class.getResource("/org/harbor/ui/common/harbor.css").toExternalForm());
        scene.getAccelerators().put(QUICK_HIDE, this::quickHide);
        scene.getAccelerators().put(EMERGENCY, this::openEmergency);
        scene.addEventFilter(InputEvent.ANY, e -> {
            harbor.idleLock().touch();
            dropIdleWarning();
        });
        harbor.i18n().onChange(locale -> {
            if (!hidden) {
                render();
            }
        });
        // The integrity check runs after the unlock; a failure found while someone works is
        // shown at once, above every screen, until the vault is locked.
        harbor.onIntegrityChecked(result -> {
            if (result == Integrity.FAILED) {
                Platform.runLater(() -> {
                    if (!hidden) {
                        render();
                    }
                });
            }
        });
    }

    /** Shows the first screen: setup on a new home, else the login. */
    public void start() {
        stage.setScene(scene);
        stage.setMinWidth(640);
        stage.setMinHeight(480);
        stage.setOnCloseRequest(this::askBeforeClosing);
        idleCheck.scheduleWithFixedDelay(() -> Platform.runLater(this::checkIdle),
                IDLE_CHECK_SECONDS, IDLE_CHECK_SECONDS, TimeUnit.SECONDS);
        if (harbor.vault().exists()) {
            toLogin();
        } else {
            show(new FxmlScreen(() -> new SetupView(setupModel()), () -> { }, harbor.i18n()));
        }
    }

    /**
     * How many times the login window readies the case list: the first pass loads and links its
     * classes, the later ones run its code often enough for the compilers to take it up before the
     * first log-in (issue 16; side by side, four passes drew the first list about 80 ms sooner than
     * one). Each pass is a separate event on the FX thread, so typing is never held up for long.
     */
    public static final int WARM_UP_PASSES = 4;

    /**
     * While the log-in screen waits for the passphrase: readies the screen a log-in leads to most
     * (the case list), so the first one after a start is drawn about as fast as later ones
     * (issue 16). One pass of {@link #WARM_UP_PASSES}, on the FX thread, after the first frame; not
     * in the AOT training run.
     *
     * @return false when nothing was done (a log-in, a hidden screen, no vault): no more passes
     */
    public boolean warmUpScreens() {
        if (!hidden && harbor.vault().exists() && harbor.accounts().current().isEmpty()) {
            CaseScreens.warmUp(harbor.i18n(), scene.getStylesheets());
            return true;
        }
        return false;
    }

    private SetupViewModel setupModel;

    private SetupViewModel setupModel() {
        if (setupModel == null) {
            setupModel = new SetupViewModel(harbor.useCases().setUpVault(), harbor.i18n(), background, this);
        }
        return setupModel;
    }

    public Background background() {
        return background;
    }

    /** Locks when the session has seen no input for the configured time. Called by a timer; tests call it directly. */
    public void checkIdle() {
        if (hidden || harbor.accounts().current().isEmpty() || current == null) {
            return;
        }
        if (harbor.idleLock().expired()) {
            keepPlace();
            lockedBecause = LoginViewModel.LockCause.IDLE;
            lockWith("idle");
        } else if (harbor.idleLock().remaining().compareTo(IDLE_WARNING) <= 0) {
            showIdleWarning();
        }
    }

    /** A line over the screen, 30 seconds before the idle lock; any key or mouse movement takes it away. */
    private void showIdleWarning() {
        if (idleWarning != null || !(scene.getRoot() instanceof StackPane layers)) {
            return;
        }
        long seconds = Math.max(1, harbor.idleLock().remaining().toSeconds());
        Paragraph warning = new Paragraph(harbor.i18n().get("shell.idleWarning", seconds));
        warning.setId("idleWarning");
        warning.getStyleClass().add(Styles.IDLE_WARNING);
        warning.setMaxWidth(Double.MAX_VALUE);
        warning.setMaxHeight(Region.USE_PREF_SIZE);
        warning.setMouseTransparent(true);
        StackPane.setAlignment(warning, Pos.BOTTOM_CENTER);
        layers.getChildren().add(warning);
        idleWarning = warning;
    }

    private void dropIdleWarning() {
        if (idleWarning != null) {
            if (idleWarning.getParent() instanceof StackPane layers) {
                layers.getChildren().remove(idleWarning);
            }
            idleWarning = null;
        }
    }

    /** True while the warning before the idle lock shows. */
    public boolean idleWarningShown() {
        return idleWarning != null;
    }

    // --- never lose the place (issue 14) ----------------------------------------------------

    /** A screen to go back to and what was typed there, for one user, in memory only. */
    private record KeptPlace(String userId, Runnable route, Map<String, String> drafts) {
    }

    /**
     * Remembers the screen and its typed, unsaved text (a question being typed, an answer not yet
     * confirmed) before the vault locks by itself or is hidden. Held in this object only, never
     * written anywhere; dropped when another user logs in or the window closes.
     */
    private void keepPlace() {
        Optional<Session> session = harbor.accounts().current();
        if (session.isEmpty()) {
            return; // locked already (the log-in screen): a place kept at the lock stays kept
        }
        if (current == null || route == null || !(scene.getRoot() instanceof StackPane layers)) {
            kept = null;
            return;
        }
        Map<String, String> drafts = new LinkedHashMap<>();
        layers.getChildren().getFirst().lookupAll(".text-input").forEach(n -> {
            if (n instanceof TextInputControl field && !(field instanceof PasswordField) && field.getId() != null
                    && field.isEditable() && !field.getText().isEmpty() && !isTopBar(field)) {
                drafts.putIfAbsent(field.getId(), field.getText());
            }
        });
        kept = new KeptPlace(session.get().actorId(), route, drafts);
    }

    /** Back to the kept place if the same user logged in again; true if so. */
    private boolean returnToKeptPlace(Session session) {
        KeptPlace place = kept;
        kept = null;
        if (place == null || !place.userId().equals(session.actorId())) {
            return false;
        }
        place.route().run();
        if (!place.drafts().isEmpty() && current != null) {
            restoreDrafts(place.drafts(), current);
        }
        return true;
    }

    /**
     * Puts each draft back into its field once the field is there and can be typed in (the screen
     * loads its state from the vault first); gives up when another screen is shown.
     */
    private void restoreDrafts(Map<String, String> drafts, Screen screen) {
        stopRestoring.run();
        pendingDrafts = new LinkedHashMap<>(drafts);
        Runnable pulse = () -> {
            if (current != screen) {
                stopRestoring.run();
                return;
            }
            for (var it = pendingDrafts.entrySet().iterator(); it.hasNext(); ) {
                var draft = it.next();
                if (scene.lookup("#" + draft.getKey()) instanceof TextInputControl field && !field.isDisabled()
                        && field.isEditable() && field.isVisible()) {
                    field.setText(draft.getValue());
                    field.end();
                    it.remove();
                }
            }
            if (pendingDrafts.isEmpty()) {
                stopRestoring.run();
            }
        };
        scene.addPostLayoutPulseListener(pulse);
        stopRestoring = () -> {
            scene.removePostLayoutPulseListener(pulse);
            pendingDrafts = Map.of();
            stopRestoring = () -> { };
        };
        Platform.requestNextPulse();
    }

    /** Forgets the kept place and any draft still waiting (a log-out, another user, the window closing). */
    private void forgetPlace() {
        kept = null;
        stopRestoring.run();
    }

    // --- closing the window (issue 14) -----------------------------------------------------

    /** Closing the window during an interview or a form asks first; "Keep working" is the default. */
    private void askBeforeClosing(WindowEvent event) {
        if (hidden || current == null || !current.inProgress() || harbor.accounts().current().isEmpty()) {
            return;
        }
        event.consume();
        if (closeConfirm != null || !(scene.getRoot() instanceof StackPane layers)) {
            return;
        }
        closeConfirm = new ConfirmOverlay("closeConfirm", harbor.i18n().get("shell.close.title"),
                harbor.i18n().get("shell.close.body"), null, harbor.i18n().get("shell.close.keep"),
                harbor.i18n().get("shell.close.go"), this::dropCloseConfirm, () -> {
                    dropCloseConfirm();
                    forgetPlace();
                    stage.close();
                });
        layers.getChildren().getFirst().setDisable(true);
        layers.getChildren().add(closeConfirm.node());
        closeConfirm.focusKeep();
    }

    private void dropCloseConfirm() {
        if (closeConfirm == null) {
            return;
        }
        if (closeConfirm.node().getParent() instanceof StackPane layers) {
            layers.getChildren().remove(closeConfirm.node());
            if (emergency == null && !layers.getChildren().isEmpty()) {
                layers.getChildren().getFirst().setDisable(false);
            }
        }
        closeConfirm = null;
    }

    /** True while the window asks whether to close. */
    public boolean closeConfirmShown() {
        return closeConfirm != null;
    }

    /** Leaves the neutral screen for the login; the only way back after a quick-hide. */
    private void reveal() {
        hidden = false;
        toLogin();
    }

    @Override
    public void toNewRecoveryKey(String recoveryKey) {
        if (hidden) {
            return;
        }
        withSession(session -> {
            SetupViewModel model = new SetupViewModel(harbor.useCases().setUpVault(), harbor.i18n(), background, this);
            model.showReplacementKey(recoveryKey);
            return new FxmlScreen(() -> new SetupView(model), model::dispose, harbor.i18n());
        });
    }

    @Override
    public void toLogin() {
        if (hidden) {
            return;
        }
        LoginViewModel model = new LoginViewModel(harbor.useCases().logIn(), background, this, harbor.i18n());
        if (lockedBecause != null) {
            model.showLockedBecause(lockedBecause);
        }
        route = null;
        show(new LoginView(model, harbor.i18n()));
    }

    @Override
    public void toRecovery() {
        if (hidden) {
            return;
        }
        RecoveryViewModel model = new RecoveryViewModel(harbor.useCases().recoverWithKey(), harbor.i18n(), background, this);
        show(new FxmlScreen(() -> new RecoveryView(model), model::dispose, harbor.i18n()));
    }

    @Override
    public void toHome() {
        lockedBecause = null;
        Optional<Session> in = harbor.accounts().current();
        if (!hidden && in.isPresent() && kept != null && returnToKeptPlace(in.get())) {
            return;
        }
        route = null;
        withSession(session -> {
            if (setupModel != null) {
                setupModel.dispose();
                setupModel = null;
            }
            boolean central = harbor.accounts().vaultKind() == VaultKind.CENTRAL;
            HomeViewModel model = new HomeViewModel(harbor.useCases().checkAuditContinuity(), harbor.i18n(), this, session, central);
            if (!central && model.canUseOutbox()) {
                // released packages go in the background while the supervisor works (issue 18); off the FX thread
                harbor.useCases().sendInBackground().start(session, null);
            }
            DueReportsViewModel reports = new DueReportsViewModel(harbor.useCases().showCaseSafety(), harbor.i18n(), background,
                    this, session);
            if (model.canSeeCases()) {
                reports.load();
            }
            DueReportsPane[] pane = new DueReportsPane[1];
            return new FxmlScreen(() -> {
                if (pane[0] != null) {
                    pane[0].dispose();
                }
                pane[0] = new DueReportsPane(reports);
                return new HomeView(model, pane[0].node());
            }, () -> {
                model.dispose();
                if (pane[0] != null) {
                    pane[0].dispose();
                }
            }, harbor.i18n());
        });
    }

    @Override
    public void toSettings() {
        route = this::toSettings;
        withSession(session -> {
            SettingsViewModel model = new SettingsViewModel(harbor.useCases().saveSettings(), harbor.i18n(), background, this,
                    session);
            EmergencyContactsViewModel contacts = new EmergencyContactsViewModel(harbor.useCases().editEmergencyContacts(),
                    harbor.i18n(), background, session);
            JurisdictionViewModel jurisdictions = new JurisdictionViewModel(harbor.useCases().chooseReportJurisdiction(),
                    harbor.i18n(), background, session);
            jurisdictions.load();
            CentralStoreViewModel central = new CentralStoreViewModel(harbor.useCases().chooseCentralStore(), harbor.i18n(),
                    background, session);
            return new FxmlScreen(() -> new SettingsView(model, contacts, jurisdictions, central), () -> {
                model.dispose();
                contacts.dispose();
                jurisdictions.dispose();
                central.dispose();
            }, harbor.i18n());
        });
    }

    @Override
    public void toUsers() {
        route = this::toUsers;
        withSession(session -> {
            UsersViewModel model = new UsersViewModel(harbor.useCases().manageAccounts(), harbor.i18n(), background, this,
                    session);
            return new FxmlScreen(() -> new UsersView(model), model::dispose, harbor.i18n());
        });
    }

    @Override
    public void toChangePassphrase() {
        withSession(session -> {
            ChangePassphraseViewModel model = new ChangePassphraseViewModel(harbor.useCases().changePassphrase(), harbor.i18n(),
                    background, this, session);
            return new FxmlScreen(() -> new ChangePassphraseView(model), model::dispose, harbor.i18n());
        });
    }

    @Override
    public void toCases() {
        route = this::toCases;
        withContext(CaseScreens::list);
    }

    @Override
    public void toCase(String caseId) {
        route = () -> toCase(caseId);
        withContext(context -> CaseScreens.view(context, caseId));
    }

    @Override
    public void toForm(String caseSessionId, String formId) {
        route = () -> toForm(caseSessionId, formId);
        withContext(context -> FormScreens.form(context, caseSessionId, formId));
    }

    @Override
    public void toInterview(String caseSessionId) {
        route = () -> toInterview(caseSessionId);
        withContext(context -> InterviewScreens.interview(context, caseSessionId));
    }

    @Override
    public void toInterviewerStats() {
        route = this::toInterviewerStats;
        withContext(InterviewScreens::interviewerStats);
    }

    @Override
    public void toPackages() {
        route = this::toPackages;
        withContext(ExportScreens::packages);
    }

    @Override
    public void toOutbox() {
        route = this::toOutbox;
        withContext(OutboxScreens::outbox);
    }

    @Override
    public void toCentralOffice() {
        route = this::toCentralOffice;
        withContext(CentralScreens::office);
    }

    private void withContext(Function<ScreenContext, Screen> screen) {
        withSession(session -> screen.apply(ScreenContext.of(harbor, background, this, session)));
    }

    /**
     * Swaps the whole window for a neutral page first (so nothing shows a moment longer), then
     * locks the vault on the worker thread.
     */
    @Override
    public void quickHide() {
        if (hidden) {
            return;
        }
        keepPlace();
        lockedBecause = LoginViewModel.LockCause.HIDDEN;
        hidden = true;
        dropIdleWarning();
        dropCloseConfirm();
        stopRestoring.run();
        dropEmergency();
        disposeCurrent();
        if (setupModel != null) {
            setupModel.dispose();
            setupModel = null;
        }
        stopSending();
        scene.setRoot(NeutralScreen.build(harbor.i18n(), this::reveal));
        stage.setTitle(harbor.i18n().get("neutral.title"));
        background.fireAndForget(() -> harbor.accounts().lock("quick-hide"));
    }

    @Override
    public void lock() {
        forgetPlace();
        lockedBecause = null;
        lockWith("user");
    }

    private void lockWith(String reason) {
        if (hidden) {
            return;
        }
        dropIdleWarning();
        dropCloseConfirm();
        stopRestoring.run();
        dropEmergency();
        disposeCurrent();
        if (setupModel != null) {
            setupModel.dispose();
            setupModel = null;
        }
        stopSending();
        background.fireAndForget(() -> harbor.accounts().lock(reason));
        toLogin();
    }

    /** The background sender stops with the session (it would stop by itself at its next request; this is at once). */
    private void stopSending() {
        harbor.useCases().sendInBackground().stop();
    }

    public void dispose() {
        stopSending();
        idleCheck.shutdownNow();
        focusGuard.unsubscribe();
        forgetPlace();
        disposeCurrent();
        background.close();
    }

    /**
     * Shows a screen for the active session. While the window is hidden nothing is shown: work
     * that finishes after a quick-hide (a log-in, a save) must not bring content back.
     */
    private void withSession(Function<Session, Screen> screen) {
        if (hidden) {
            return;
        }
        Optional<Session> session = harbor.accounts().current();
        if (session.isEmpty()) {
            toLogin();
            return;
        }
        show(screen.apply(session.get()));
    }

    private void show(Screen next) {
        dropIdleWarning();
        dropCloseConfirm();
        dropEmergency();
        disposeCurrent();
        current = next;
        render();
    }

    private void disposeCurrent() {
        if (current != null) {
            current.dispose();
            current = null;
        }
    }

    private void render() {
        if (current == null) {
            return;
        }
        dropIdleWarning();
        dropCloseConfirm();
        Parent content = current.build();
        BorderPane window = new BorderPane(current.scrolls() ? scrolling(content) : content);
        window.setTop(integrityFailed() ? new VBox(topBar(), integrityBanner()) : topBar());
        window.setId("windowRoot");
        NodeOrientation orientation = harbor.i18n().rightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT;
        window.setNodeOrientation(orientation);
        // The screen in a layer of its own, so that the emergency panel can lie over it.
        StackPane layers = new StackPane(window);
        layers.setNodeOrientation(orientation);
        scene.setRoot(layers);
        if (emergency != null) {
            // rebuilt beneath an open panel (a language change, the integrity banner): the panel stays on top
            window.setDisable(true);
            layers.getChildren().add(emergency.node());
        }
        stage.setTitle(harbor.i18n().get("app.title"));
        guardInitialFocus(window, content);
    }

    /**
     * Gives the screen's first field the focus unless the screen already placed it: left alone,
     * the scene focuses the first control of the top bar ("Hide screen" or "Emergency contacts"), and
     * Enter would hide and lock or open the panel. The scene may do so on any later pulse (when the
     * control that had the focus left with the old screen), so until the user first presses a key or
     * the mouse, a focus the scene moves to the top bar is given back to the first field.
     */
    private void guardInitialFocus(BorderPane window, Parent content) {
        focusGuard.unsubscribe();
        // the control the screen itself gave the focus to (its first field, or "Copy" beside a
        // recovery key), given back when the scene moves the focus to the top bar on its own
        Node[] placed = new Node[1];
        Subscription watch = scene.focusOwnerProperty().subscribe(owner -> {
            if (isTopBar(owner)) {
                Platform.runLater(() -> restoreFocus(window, content, placed[0]));
            } else if (owner != null && owner.getScene() == scene) {
                placed[0] = owner;
            }
        });
        EventHandler<InputEvent> userActs = event -> {
            if (event.getEventType() == KeyEvent.KEY_PRESSED || event.getEventType() == MouseEvent.MOUSE_PRESSED) {
                focusGuard.unsubscribe();
            }
        };
        scene.addEventFilter(InputEvent.ANY, userActs);
        focusGuard = watch.and(() -> scene.removeEventFilter(InputEvent.ANY, userActs));
        Platform.runLater(() -> placeFirstField(window, content));
    }

    private void restoreFocus(BorderPane window, Parent content, Node placed) {
        if (placed != null && placed.getScene() == scene && shownAndEnabled(placed)
                && window.getScene() == scene && emergency == null && isTopBar(scene.getFocusOwner())) {
            placed.requestFocus();
        } else {
            placeFirstField(window, content);
        }
    }

    private static boolean isTopBar(Node owner) {
        return owner != null && ("quickHide".equals(owner.getId()) || "emergencyOpen".equals(owner.getId()));
    }

    private void placeFirstField(BorderPane window, Parent content) {
        if (window.getScene() != scene || emergency != null || window.getCenter() == null) {
            return;
        }
        Node owner = scene.getFocusOwner();
        // The top bar's buttons ("Hide screen", "Emergency contacts") are where the scene puts the
        // focus by itself; any other owner means the screen placed it.
        if (owner != null && owner.getScene() == scene && !isTopBar(owner)) {
            return;
        }
        // a field to type in; a screen without one (home, a recovery key shown once) places its own
        // focus with InitialFocus, which asks again should its first request come too early
        content.lookupAll("*").stream()
                .filter(n -> n instanceof TextInputControl || n instanceof ComboBoxBase)
                .filter(n -> n.isFocusTraversable() && n.getScene() == scene && shownAndEnabled(n))
                .findFirst()
                .ifPresent(Node::requestFocus);
    }

    /** Whether the node and every parent are visible and it is enabled: a hidden pane's field cannot take the focus. */
    private static boolean shownAndEnabled(Node node) {
        if (node.isDisabled()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static ScrollPane scrolling(Parent content) {
        ScrollPane scroll = Scrolling.pane(content);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private boolean integrityFailed() {
        return harbor.accounts().current().isPresent() && harbor.integrity() == Integrity.FAILED;
    }

    private Paragraph integrityBanner() {
        Paragraph banner = new Paragraph(harbor.i18n().get("shell.integrityFailed"));
        banner.setId("integrityFailed");
        banner.getStyleClass().add(Styles.ERROR);
        banner.setStyle("-fx-padding: 8 12;");
        return banner;
    }

    private HBox topBar() {
        Label name = new Label(harbor.i18n().get("app.title"));
        name.getStyleClass().add(Styles.TITLE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button hide = new Button(harbor.i18n().get("shell.quickHide"));
        hide.setId("quickHide");
        hide.setFocusTraversable(true);
        hide.setOnAction(e -> quickHide());
        HBox bar = new HBox(12, name, spacer);
        if (harbor.accounts().current().isPresent()) {
            Button emergencyOpen = new Button(harbor.i18n().get("shell.emergency"));
            emergencyOpen.setId("emergencyOpen");
            emergencyOpen.getStyleClass().add(Styles.EMERGENCY_BUTTON);
            emergencyOpen.setOnAction(e -> openEmergency());
            bar.getChildren().add(emergencyOpen);
        }
        bar.getChildren().add(hide);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(Styles.TOP_BAR);
        return bar;
    }

    /**
     * Opens the emergency panel over the screen (R2), after log-in only. The screen beneath is
     * left as it is (its typed text and caret untouched) and disabled while the panel is open;
     * closing puts the focus, and a text field's caret and selection, back where they were.
     */
    public void openEmergency() {
        if (hidden || emergency != null || current == null || harbor.accounts().current().isEmpty()
                || !(scene.getRoot() instanceof StackPane layers) || layers.getChildren().isEmpty()) {
            return;
        }
        Node focused = scene.getFocusOwner();
        Runnable refocus = () -> { };
        if (focused != null) {
            // The screen may rebuild the node meanwhile (a form redraws its question when its field
            // loses the focus): then the node of the same id takes the focus back.
            String id = focused.getId();
            Supplier<Node> again = () -> focused.getScene() == scene || id == null ? focused : scene.lookup("#" + id);
            if (focused instanceof TextInputControl text) {
                int anchor = text.getAnchor();
                int caret = text.getCaretPosition();
                refocus = () -> {
                    Node target = again.get();
                    if (target != null) {
                        target.requestFocus();
                        if (target instanceof TextInputControl field && caret <= field.getLength() && anchor <= field.getLength()) {
                            field.selectRange(anchor, caret);
                        }
                    }
                };
            } else {
                refocus = () -> {
                    Node target = again.get();
                    if (target != null) {
                        target.requestFocus();
                    }
                };
            }
        }
        emergencyModel = new EmergencyViewModel(harbor.useCases().showEmergencyContacts(), harbor.i18n(), background);
        emergency = new EmergencyPanel(emergencyModel, this::closeEmergency);
        emergencyRefocus = refocus;
        layers.getChildren().add(emergency.node());
        emergency.closeButton().requestFocus();
        layers.getChildren().getFirst().setDisable(true);
        emergencyModel.load();
    }

    /** Closes the emergency panel and returns the focus where it was when it opened. */
    public void closeEmergency() {
        if (emergency == null) {
            return;
        }
        Runnable refocus = emergencyRefocus;
        // The screen is enabled and the focus put back before the panel goes, so that the scene
        // never looks for a new focus owner of its own (it would pick the screen's first button).
        if (scene.getRoot() instanceof StackPane layers && !layers.getChildren().isEmpty()) {
            layers.getChildren().getFirst().setDisable(false);
        }
        refocus.run();
        dropEmergency();
        // The scene may still move the focus on its next pulse after the panel's removal: put it back once more then.
        Platform.runLater(refocus);
    }

    /** True while the emergency panel is open. */
    public boolean emergencyOpen() {
        return emergency != null;
    }

    private void dropEmergency() {
        if (emergency == null) {
            return;
        }
        if (emergency.node().getParent() instanceof StackPane layers) {
            layers.getChildren().remove(emergency.node());
        }
        emergencyModel.dispose();
        emergency = null;
        emergencyModel = null;
        emergencyRefocus = () -> { };
    }

    /** The page shown after a quick-hide: nothing about Harbor, its users or its records. */
    static final class NeutralScreen {
        private NeutralScreen() {
        }

        static Parent build(I18n i18n, Runnable back) {
            Label heading = new Label(i18n.get("neutral.heading"));
            heading.getStyleClass().add(Styles.TITLE);
            Paragraph body = new Paragraph(i18n.get("neutral.body"));
            Button open = new Button(i18n.get("neutral.open"));
            open.setId("neutralOpen");
            open.setOnAction(e -> back.run());
            VBox page = new VBox(16, heading, body, open);
            page.setId("neutralScreen");
            page.getStyleClass().add(Styles.NEUTRAL);
            page.setStyle("-fx-padding: 32;");
            return page;
        }
    }
}

package org.harbor.ui.settings;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.harbor.accounts.Permission;
import org.harbor.accounts.Session;
import org.harbor.i18n.I18n;
import org.harbor.ui.common.Messages;
import org.harbor.ui.common.UiExecutor;
import org.harbor.usecases.ChooseCentralStore;

/**
 * Settings of a central vault: where imported cases are kept — this central vault, or a PostgreSQL
 * server given by its address, role and password file (as {@code harbor central connect --db}).
 * The server is tried with the central keys before the choice is saved; a refusal changes nothing.
 */
public final class CentralStoreViewModel {

    private final ChooseCentralStore choose;
    private final I18n i18n;
    private final UiExecutor background;
    private final Session session;
    private final boolean shown;
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty passwordFile = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper current = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty onServer = new SimpleBooleanProperty(false);

    public CentralStoreViewModel(ChooseCentralStore choose, I18n i18n, UiExecutor background, Session session) {
        this.choose = choose;
        this.i18n = i18n;
        this.background = background;
        this.session = session;
        this.shown = choose.applies() && session.role().can(Permission.SEE_ALL_CASES);
        if (shown) {
            load();
        }
    }

    /** Only on a central vault. */
    public boolean shown() {
        return shown;
    }

    public boolean mayChange() {
        return shown && session.role().can(Permission.CHANGE_SETTINGS);
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordFileProperty() {
        return passwordFile;
    }

    /** The title of the file chooser for the password file. */
    public String chooseFileTitle() {
        return i18n.get("settings.central.passwordFile");
    }

    /** Which store is in use, as a sentence. */
    public ReadOnlyStringProperty currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while the server is being tried (it may take seconds). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    private void load() {
        background.run(() -> choose.current(session), server -> {
            onServer.set(server.isPresent());
            server.ifPresent(s -> {
                url.set(s.url());
                user.set(s.user());
                passwordFile.set(s.passwordFile().toString());
            });
            current.set(server.isPresent() ? i18n.get("settings.central.onServer", server.get().url())
                    : i18n.get("settings.central.embedded"));
        }, e -> message.set(Messages.of(e, i18n)));
    }

    /** Tries the server and, if it opens with the central keys, keeps imported cases there. */
    public void connect() {
        String file = passwordFile.get() == null ? "" : passwordFile.get().strip();
        ChooseCentralStore.Server server = new ChooseCentralStore.Server(url.get(), user.get(), file.isEmpty() ? null : Path.of(file));
        message.set(i18n.get("settings.central.trying"));
        busy.set(true);
        background.run(() -> {
            choose.usePostgres(session, server);
            return server;
        }, done -> {
            busy.set(false);
            message.set(i18n.get("settings.central.connected"));
            load();
        }, e -> {
            busy.set(false);
            message.set(Messages.of(e, i18n));
        });
    }

    /** Keeps imported cases in this central vault again. */
    public void useEmbedded() {
        busy.set(true);
        background.run(() -> {
            choose.useEmbedded(session);
            return Boolean.TRUE;
        }, done -> {
            busy.set(false);
            message.set(i18n.get("settings.central.embeddedChosen"));
            url.set("");
            user.set("");
            passwordFile.set("");
            load();
        }, e -> {
            busy.set(false);
            message.set(Messages.of(e, i18n));
        });
    }

    public void dispose() {
        message.set("");
    }
}

package org.harbor.arch.planted;

import org.harbor.Harbor;

/** A planted violation for {@code ViewModelRulesTest}: a view-model that reaches for the composition root. */
public final class PlantedViewModel {

    private final Harbor harbor;

    public PlantedViewModel(Harbor harbor) {
        this.harbor = harbor;
    }

    public String language() {
        javafx.application.Platform.runLater(() -> { });
        return harbor.i18n().locale().getLanguage();
    }
}

package org.harbor.usecases.planted;

import org.harbor.ui.common.UiExecutor;

/** Planted, never run: a use case that reaches for a face's class. */
public final class PlantedFaceDependency {

    private PlantedFaceDependency() {
    }

    static void run(UiExecutor ui, Runnable work) {
        ui.onUi(work);
    }
}

package org.harbor.ui.export;

import org.harbor.ui.common.FxmlScreen;
import org.harbor.ui.common.Screen;
import org.harbor.ui.common.ScreenContext;

/** Builds the package screens for the shell. */
public final class ExportScreens {

    private ExportScreens() {
    }

    /** A supervisor exports sealed cases (field vault) or imports packages (central vault). */
    public static Screen packages(ScreenContext context) {
        PackagesViewModel model = new PackagesViewModel(context.useCases().exportPackage(), context.useCases().importPackage(),
                context.background(), context.navigator(), context.i18n(), context.session());
        return new FxmlScreen(() -> new PackagesView(model, context.i18n().get("packages.export.choose"),
                context.i18n().get("packages.import.choose")), model::dispose, context.i18n());
    }
}

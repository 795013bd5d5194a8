package org.harbor.ui.export;

import org.harbor.ui.common.FxmlScreen;
import org.harbor.ui.common.Screen;
import org.harbor.ui.common.ScreenContext;

/** Builds the package screens for the shell. */
public final class ExportScreens {

    private ExportScreens() {
    }

    /** "Send to the central office" (field vault: export, the office's keys, receipts and purge) or package import (central vault). */
    public static Screen packages(ScreenContext context) {
        PackagesViewModel model = new PackagesViewModel(context.useCases().exportPackage(), context.useCases().importPackage(),
                context.useCases().importTrustBundle(), context.useCases().applyReceipt(), context.background(),
                context.navigator(), context.i18n(), context.session());
        return new FxmlScreen(() -> new PackagesView(model, context.i18n()), model::dispose, context.i18n());
    }
}

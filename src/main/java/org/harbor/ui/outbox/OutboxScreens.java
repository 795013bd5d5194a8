package org.harbor.ui.outbox;

import org.harbor.ui.common.FxmlScreen;
import org.harbor.ui.common.Screen;
import org.harbor.ui.common.ScreenContext;

/** Builds the outbox screen for the shell (issue 18). */
public final class OutboxScreens {

    private OutboxScreens() {
    }

    /** A supervisor's outbox: release sealed cases, follow their sending, purge after the receipt. */
    public static Screen outbox(ScreenContext context) {
        OutboxViewModel model = new OutboxViewModel(context.useCases().releaseToOutbox(), context.useCases().sendInBackground(),
                context.useCases().purgeReceived(), context.background(), context.navigator(), context.i18n(), context.session());
        model.open();
        return new FxmlScreen(() -> new OutboxView(model, context.i18n()), model::dispose, context.i18n());
    }
}

package org.harbor.ui.forms;

import javafx.scene.Parent;
import javafx.util.Subscription;
import org.harbor.ui.common.Screen;
import org.harbor.ui.common.ScreenContext;
import org.harbor.ui.safety.BannerScreen;

/** Builds the form-filling screens for the shell. */
public final class FormScreens {

    private FormScreens() {
    }

    /** Fills (or resumes) form {@code formId} in case session {@code caseSessionId}. */
    public static Screen form(ScreenContext context, String caseSessionId, String formId) {
        FormViewModel model = new FormViewModel(context.useCases().openForm(), context.useCases().completeForm(),
                context.background(), context.navigator(), context.i18n(), context.session(), caseSessionId, formId);
        model.open();
        return new BannerScreen(context, caseSessionId) {
            private FormView view;

            @Override
            protected Parent content() {
                view = new FormView(model);
                return view.build();
            }

            /** A "yes" to a danger question shows the banner at once, on the form itself: read again after every answer. */
            @Override
            protected Subscription refreshWhen(Runnable refresh) {
                return model.pageProperty().subscribe(page -> refresh.run());
            }

            @Override
            protected void stopContent() {
                if (view != null) {
                    view.stop();
                }
            }

            @Override
            public boolean inProgress() {
                FormViewModel.State state = model.stateProperty().get();
                return state == FormViewModel.State.FILLING || state == FormViewModel.State.PAUSED
                        || state == FormViewModel.State.ON_BREAK;
            }

            @Override
            protected void release() {
                model.dispose();
            }
        };
    }
}

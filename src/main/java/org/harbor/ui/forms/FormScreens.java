package org.harbor.ui.forms;

import javafx.scene.Parent;
import javafx.scene.layout.BorderPane;
import javafx.util.Subscription;
import org.harbor.ui.safety.SafetyBanner;
import org.harbor.ui.common.Screen;
import org.harbor.ui.common.ScreenContext;

/** Builds the form-filling screens for the shell. */
public final class FormScreens {

    private FormScreens() {
    }

    /** Fills (or resumes) form {@code formId} in case session {@code caseSessionId}. */
    public static Screen form(ScreenContext context, String caseSessionId, String formId) {
        FormViewModel model = new FormViewModel(context.useCases().openForm(), context.useCases().completeForm(),
                context.background(), context.navigator(), context.i18n(), context.session(), caseSessionId, formId);
        model.open();
        return new Screen() {
            private FormView view;
            private SafetyBanner banner;
            private Subscription answers = Subscription.EMPTY;

            @Override
            public Parent build() {
                stop();
                view = new FormView(model);
                Parent form = view.build();
                // The danger banner (R3) at the top of the form, read again after every answer:
                // a "yes" to a danger question shows it at once, on the form itself.
                banner = SafetyBanner.ofSession(context, caseSessionId);
                banner.refresh();
                answers = model.pageProperty().subscribe(page -> banner.refresh());
                BorderPane root = new BorderPane(form);
                root.setTop(banner.node());
                return root;
            }

            private void stop() {
                if (view != null) {
                    view.stop();
                }
                answers.unsubscribe();
                if (banner != null) {
                    banner.dispose();
                    banner = null;
                }
            }

            /** The form scrolls inside itself, under a fixed header and above a fixed action bar. */
            @Override
            public boolean scrolls() {
                return false;
            }

            @Override
            public boolean inProgress() {
                FormViewModel.State state = model.stateProperty().get();
                return state == FormViewModel.State.FILLING || state == FormViewModel.State.PAUSED
                        || state == FormViewModel.State.ON_BREAK;
            }

            @Override
            public void dispose() {
                stop();
                model.dispose();
            }
        };
    }
}

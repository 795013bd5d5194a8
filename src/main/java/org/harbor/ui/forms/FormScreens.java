package org.harbor.ui.forms;

import javafx.scene.Parent;
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

            @Override
            public Parent build() {
                if (view != null) {
                    view.stop();
                }
                view = new FormView(model);
                return view.build();
            }

            @Override
            public boolean inProgress() {
                FormViewModel.State state = model.stateProperty().get();
                return state == FormViewModel.State.FILLING || state == FormViewModel.State.PAUSED
                        || state == FormViewModel.State.ON_BREAK;
            }

            @Override
            public void dispose() {
                if (view != null) {
                    view.stop();
                }
                model.dispose();
            }
        };
    }
}

package org.harbor.ui.interview;

import javafx.scene.Parent;
import javafx.scene.layout.BorderPane;
import org.harbor.ui.safety.SafetyBanner;
import org.harbor.ui.common.Screen;
import org.harbor.ui.common.ScreenContext;

/** Builds the interview screens for the shell. */
public final class InterviewScreens {

    private InterviewScreens() {
    }

    /** Runs (or resumes) the forensic interview of case session {@code caseSessionId}. */
    public static Screen interview(ScreenContext context, String caseSessionId) {
        var useCases = context.useCases();
        InterviewViewModel model = new InterviewViewModel(useCases.startInterview(), useCases.conductInterview(),
                useCases.recordUtterances(), context.i18n(), useCases.clock(), context.background(), context.navigator(),
                context.session(), caseSessionId);
        model.load();
        return new Screen() {
            private InterviewView view;
            private SafetyBanner banner;

            @Override
            public Parent build() {
                stop();
                view = new InterviewView(model, context.i18n());
                Parent interview = view.build();
                // The case's danger banner (R3) stays at the top until a supervisor records the action taken.
                banner = SafetyBanner.ofSession(context, caseSessionId);
                banner.refresh();
                BorderPane root = new BorderPane(interview);
                root.setTop(banner.node());
                return root;
            }

            private void stop() {
                if (view != null) {
                    view.stop();
                }
                if (banner != null) {
                    banner.dispose();
                    banner = null;
                }
            }

            /** The interview scrolls inside itself, above its fixed action bar. */
            @Override
            public boolean scrolls() {
                return false;
            }

            @Override
            public boolean inProgress() {
                return model.stepProperty().get() == InterviewViewModel.Step.RUNNING;
            }

            @Override
            public void dispose() {
                stop();
                model.dispose();
            }
        };
    }

    /** A supervisor's view of each interviewer's question types over time. */
    public static Screen interviewerStats(ScreenContext context) {
        InterviewerStatsViewModel model = new InterviewerStatsViewModel(context.useCases().reviewInterviewers(), context.i18n(),
                context.useCases().clock(), context.background(), context.navigator(), context.session());
        model.load();
        return new Screen() {
            private InterviewerStatsView view;

            @Override
            public Parent build() {
                if (view != null) {
                    view.detach();
                }
                view = new InterviewerStatsView(model, context.i18n());
                return view.build();
            }

            @Override
            public void dispose() {
                if (view != null) {
                    view.detach();
                }
                model.dispose();
            }
        };
    }
}

package org.harbor.ui.interview;

import javafx.scene.Parent;
import org.harbor.ui.safety.BannerScreen;
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
        return new BannerScreen(context, caseSessionId) {
            private InterviewView view;

            @Override
            protected Parent content() {
                view = new InterviewView(model, context.i18n());
                return view.build();
            }

            @Override
            protected void stopContent() {
                if (view != null) {
                    view.stop();
                }
            }

            @Override
            public boolean inProgress() {
                return model.stepProperty().get() == InterviewViewModel.Step.RUNNING;
            }

            @Override
            protected void release() {
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

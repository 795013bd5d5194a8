package org.harbor.ui.interview;

import java.nio.file.Path;
import java.util.List;
import org.harbor.accounts.Role;
import org.harbor.accounts.Session;
import org.harbor.cases.SessionKind;
import org.harbor.ui.common.FieldVault;

/**
 * For the interview view-model tests: a real field vault, an interviewer signed in, a case with an
 * interview session, and the screen's view-model built as the shell builds it, without the toolkit.
 */
final class InterviewFixture implements AutoCloseable {

    final FieldVault vault;
    final Session ivo;
    final String caseId;
    final String sessionId;

    InterviewFixture(Path dir) throws Exception {
        vault = new FieldVault(dir);
        ivo = vault.signInAs("ivo", Role.INTERVIEWER);
        caseId = vault.harbor.cases().create(ivo, "Synthetic Child", List.of()).id();
        sessionId = vault.harbor.cases().startSession(ivo, caseId, SessionKind.INTERVIEW, "en").id();
    }

    InterviewViewModel model() {
        var useCases = vault.useCases();
        return new InterviewViewModel(useCases.startInterview(), useCases.conductInterview(), useCases.recordUtterances(),
                vault.harbor.i18n(), vault.clock, vault.ui, vault.navigator, ivo, sessionId);
    }

    /** The view-model of a started interview, in its first phase. */
    InterviewViewModel started() {
        InterviewViewModel model = model();
        model.load();
        model.start();
        return model;
    }

    /** Records the interviewer as present, which the substantive phases need. */
    void recordPresent(InterviewViewModel model) {
        model.present().nameProperty().set("Ivo");
        model.present().record();
    }

    /** The index of the phase {@code id} in the model's protocol. */
    static int phase(InterviewViewModel model, String id) {
        for (int i = 0; i < model.phases().size(); i++) {
            if (model.phases().get(i).id().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no phase " + id);
    }

    String says(String key, Object... args) {
        return vault.says(key, args);
    }

    @Override
    public void close() {
        vault.close();
    }
}

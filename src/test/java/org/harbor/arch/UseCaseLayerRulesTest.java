package org.harbor.arch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.harbor.cli.planted.PlantedTransaction;
import org.harbor.ui.planted.PlantedConsentShortcut;
import org.harbor.ui.planted.PlantedReadOnlyQuery;
import org.harbor.usecases.planted.PlantedFaceDependency;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, "use cases between the faces and the services": the rules of {@link ArchitectureTest}
 * that keep orchestration out of the faces, each shown to fail on a planted violation (classes
 * under src/test, in face-like packages, that the main run never reads).
 */
@DisplayName("Use cases between the faces and the services: the ArchUnit rules fail on planted violations")
class UseCaseLayerRulesTest {

    private static JavaClasses planted(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }

    @Test
    @DisplayName("a face that completes a form and records its consents itself breaks facesCallUseCases")
    void faceOrchestratingServicesIsReported() {
        EvaluationResult result = ArchitectureTest.facesCallUseCases.evaluate(planted(PlantedConsentShortcut.class));
        assertTrue(result.hasViolation());
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(report.contains("FormSession.complete()"), report);
        assertTrue(report.contains("ConsentFromForm.record("), report);
    }

    @Test
    @DisplayName("a command that opens its own transaction over service calls breaks facesCallUseCases")
    void commandTransactionIsReported() {
        EvaluationResult result = ArchitectureTest.facesCallUseCases.evaluate(planted(PlantedTransaction.class));
        assertTrue(result.hasViolation());
        assertTrue(String.join("\n", result.getFailureReport().getDetails()).contains("Harbor.atomically("));
    }

    @Test
    @DisplayName("a face that only reads (a list of consents) is allowed by facesCallUseCases")
    void readOnlyQueryIsAllowed() {
        assertFalse(ArchitectureTest.facesCallUseCases.evaluate(planted(PlantedReadOnlyQuery.class)).hasViolation());
    }

    @Test
    @DisplayName("a use case that depends on a face's class breaks useCasesIgnoreFaces")
    void useCaseOnFaceIsReported() {
        EvaluationResult result = ArchitectureTest.useCasesIgnoreFaces.evaluate(planted(PlantedFaceDependency.class));
        assertTrue(result.hasViolation());
        assertTrue(String.join("\n", result.getFailureReport().getDetails()).contains("UiExecutor"));
    }
}

package org.harbor.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.harbor.arch.planted.PlantedViewModel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: view-models get their use cases and a {@code UiExecutor}, not {@code Harbor}, a
 * {@code ScreenContext}, the {@code Background} worker or a hard-coded {@code Platform.runLater},
 * and every view-model has a plain-JUnit test beside it.
 */
@DisplayName("Issue 13: view-models get their use cases and a UiExecutor, and each has a plain-JUnit test")
class ViewModelRulesTest {

    /**
     * View-models not yet moved onto use cases: none are left (issue 13). The list stays, empty, so
     * that the rules' exemption is visible; nothing is added to it.
     */
    static final Set<String> NOT_YET_MOVED = Set.of();

    static final ArchRule VIEW_MODELS_GET_USE_CASES = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.harbor.Harbor")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.harbor.ui.common.ScreenContext")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.harbor.ui.common.Background")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.application.Platform")
            .because("a view-model gets its use cases and a UiExecutor, so that it is tested without the JavaFX toolkit");

    private static JavaClasses production() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.harbor.ui");
    }

    @Test
    @DisplayName("no view-model depends on Harbor, ScreenContext, Background or Platform")
    void viewModelsGetUseCases() {
        JavaClasses moved = production().that(DescribedPredicate.describe("moved view-models",
                (JavaClass c) -> !NOT_YET_MOVED.contains(c.getSimpleName())
                        && !NOT_YET_MOVED.contains(c.getEnclosingClass().map(JavaClass::getSimpleName).orElse(""))));
        VIEW_MODELS_GET_USE_CASES.check(moved);
    }

    @Test
    @DisplayName("the rule fails on a planted view-model that takes Harbor and calls Platform.runLater")
    void ruleCatchesPlantedViolation() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedViewModel.class);
        AssertionError failure = assertThrows(AssertionError.class, () -> VIEW_MODELS_GET_USE_CASES.check(planted));
        assertTrue(failure.getMessage().contains("org.harbor.Harbor"), failure.getMessage());
        assertTrue(failure.getMessage().contains("javafx.application.Platform"), failure.getMessage());
    }

    @Test
    @DisplayName("every view-model has a plain-JUnit test beside it (view-models not yet moved aside)")
    void everyViewModelHasATest() throws Exception {
        List<String> missing = production().stream()
                .filter(c -> c.getSimpleName().endsWith("ViewModel") && c.getEnclosingClass().isEmpty())
                .filter(c -> !NOT_YET_MOVED.contains(c.getSimpleName()))
                .map(c -> c.getName().replace('.', '/') + "Test.java")
                .filter(test -> !Files.exists(Path.of("src/test/java", test)))
                .sorted().toList();
        assertEquals(List.of(), missing, "view-models without a plain-JUnit test");
    }
}

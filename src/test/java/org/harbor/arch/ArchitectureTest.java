package org.harbor.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of DESIGN.md section 2, as executable rules. */
@AnalyzeClasses(packages = "org.harbor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String[] DOMAIN = {"org.harbor.vault..", "org.harbor.crypto..", "org.harbor.audit..",
        "org.harbor.accounts..", "org.harbor.cases..", "org.harbor.forms..", "org.harbor.interview..",
        "org.harbor.seal..", "org.harbor.i18n.."};

    @ArchTest
    static final ArchRule onlyFacesUseJavaFx = noClasses()
            .that().resideOutsideOfPackages("org.harbor.app..", "org.harbor.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("only the desktop face may depend on JavaFX; services must run headless and under the CLI");

    @ArchTest
    static final ArchRule domainIgnoresFaces = noClasses()
            .that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("org.harbor.app..", "org.harbor.ui..", "org.harbor.cli..")
            .because("services know nothing of the faces that call them");

    @ArchTest
    static final ArchRule servicesIgnoreCompositionRoot = noClasses()
            .that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().haveFullyQualifiedName("org.harbor.Harbor")
            .because("services get what they need by constructor, not by reaching for the composition root");

    @ArchTest
    static final ArchRule cryptoStaysInside = noClasses()
            .that().resideOutsideOfPackages("org.harbor.crypto..", "org.harbor.vault..")
            .should().dependOnClassesThat().resideInAnyPackage("javax.crypto..", "org.bouncycastle..", "com.exceptionfactory.jagged..")
            .because("cryptography stays behind the narrow API of crypto/ and vault/");

    @ArchTest
    static final ArchRule viewModelsHaveNoScene = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..")
            .because("view-models are tested with plain JUnit and hold no nodes");

    @ArchTest
    static final ArchRule facesAreSeparate = noClasses()
            .that().resideInAnyPackage("org.harbor.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.harbor.app..", "org.harbor.ui..")
            .because("the command face must not load the desktop face");

    @ArchTest
    static final ArchRule noSqlDriverOutsideVault = noClasses()
            .that().resideOutsideOfPackages("org.harbor.vault..")
            .should().dependOnClassesThat().resideInAnyPackage("org.sqlite..")
            .because("only the vault opens the encrypted database");
}

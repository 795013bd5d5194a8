package org.harbor.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Map;
import java.util.Set;
import org.harbor.Harbor;
import org.harbor.accounts.AccountService;
import org.harbor.cases.CaseService;
import org.harbor.consent.ConsentService;
import org.harbor.forms.ConsentFromForm;
import org.harbor.forms.FormService;
import org.harbor.forms.FormSession;
import org.harbor.seal.ExportService;
import org.harbor.seal.ImportService;
import org.harbor.seal.SealService;
import org.harbor.vault.Vault;

/** The layering of DESIGN.md section 2, as executable rules. */
@AnalyzeClasses(packages = "org.harbor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String[] DOMAIN = {"org.harbor.vault..", "org.harbor.crypto..", "org.harbor.audit..",
        "org.harbor.accounts..", "org.harbor.cases..", "org.harbor.consent..", "org.harbor.forms..", "org.harbor.interview..",
        "org.harbor.seal..", "org.harbor.i18n..", "org.harbor.attachments..", "org.harbor.central..", "org.harbor.safety..",
        "org.harbor.sync.."};

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

    /** The faces may ask whether a vault exists or is open; every change goes through a service. */
    static final DescribedPredicate<JavaMethodCall> vaultWrite = new DescribedPredicate<>(
            "a Vault method other than exists, isUnlocked or home") {
        @Override
        public boolean test(JavaMethodCall call) {
            return call.getTargetOwner().isEquivalentTo(Vault.class)
                    && !Set.of("exists", "isUnlocked", "home").contains(call.getName());
        }
    };

    @ArchTest
    static final ArchRule facesGoThroughServices = noClasses()
            .that().resideInAnyPackage("org.harbor.app..", "org.harbor.ui..", "org.harbor.cli..")
            .should().callMethodWhere(vaultWrite)
            .because("key slots and the database change only through the services, which check the session's role");

    @ArchTest
    static final ArchRule noSqlDriverOutsideVault = noClasses()
            .that().resideOutsideOfPackages("org.harbor.vault..")
            .should().dependOnClassesThat().resideInAnyPackage("org.sqlite..")
            .because("only the vault opens the encrypted database");

    @ArchTest
    static final ArchRule webServerOnlyInSync = noClasses()
            .that().resideOutsideOfPackages("org.harbor.sync..")
            .should().dependOnClassesThat().resideInAnyPackage("io.helidon..")
            .because("only the sync server speaks HTTP (ADR 0015); the field app never loads it at start-up");

    @ArchTest
    static final ArchRule serverDriversOnlyInCentral = noClasses()
            .that().resideOutsideOfPackages("org.harbor.central..")
            .should().dependOnClassesThat().resideInAnyPackage("org.postgresql..", "com.zaxxer.hikari..")
            .because("only the central store talks to a database server (ADR 0010)");

    @ArchTest
    static final ArchRule fieldStartUpIgnoresCentral = noClasses()
            .that().resideInAnyPackage("org.harbor.app..", "org.harbor.vault..", "org.harbor.crypto..", "org.harbor.accounts..",
                    "org.harbor.ui.login..", "org.harbor.ui.common..")
            .should().dependOnClassesThat().resideInAnyPackage("org.harbor.central..")
            .because("the field app's start-up path must not load the central store, its driver or its pool (ADR 0007, ADR 0010)");

    @ArchTest
    static final ArchRule fieldServicesIgnoreCentral = noClasses()
            .that().resideInAnyPackage("org.harbor.cases..", "org.harbor.forms..", "org.harbor.interview..", "org.harbor.consent..",
                    "org.harbor.attachments..", "org.harbor.audit..", "org.harbor.seal..", "org.harbor.safety..")
            .should().dependOnClassesThat().resideInAnyPackage("org.harbor.central..")
            .because("the central store is built on the field services' package format, not the other way round");

    // --- the use-case layer (issue 13) ---------------------------------------------------

    static final String[] FACES = {"org.harbor.app..", "org.harbor.ui..", "org.harbor.cli.."};

    /** Every method of the class. */
    private static final Set<String> ALL = Set.of("*");

    /**
     * The operations a use case in {@code org.harbor.usecases} owns: what changes the record, in
     * the order and with the rules the use case gives it. A face that called one of them directly
     * would be a second copy of that use case (as "a completed consent form records consents" was,
     * in the form window and in {@code case import}). One line per owner; a new use case adds the
     * operations it takes over.
     *
     * <p>Read-only queries of the same services (a list, a status, what sharing allows) are not
     * listed: they change nothing, so a face that shows them cannot leave the record half-done or
     * done two ways.
     */
    static final Map<Class<?>, Set<String>> OWNED_BY_USE_CASES = Map.of(
            Harbor.class, Set.of("atomically"), // a transaction over several calls is a use case
            AccountService.class, Set.of("login", "recoveryKeyConfirmed", "rotateRecoveryKey"), // LogIn
            FormService.class, Set.of("open"), // OpenForm, ImportCase
            FormSession.class, Set.of("complete"), // CompleteForm
            ConsentFromForm.class, ALL, // CompleteForm
            ConsentService.class, Set.of("record", "revoke", "recordLawfulBasis"), // RecordConsent
            SealService.class, Set.of("sealCase", "sealSession", "addendum", "coSign", "verify"), // SealCase, AmendSeal, CoSignSeal, VerifySeals
            ExportService.class, Set.of("export", "stalePackages"), // ExportPackage
            CaseService.class, Set.of("addPerson", "startSession"), // AddPerson, StartCaseSession, ImportCase
            ImportService.class, Set.of("importPackage")); // ImportPackage

    static final DescribedPredicate<JavaMethodCall> useCaseOperation = new DescribedPredicate<>(
            "an operation owned by a use case (ArchitectureTest.OWNED_BY_USE_CASES)") {
        @Override
        public boolean test(JavaMethodCall call) {
            return OWNED_BY_USE_CASES.entrySet().stream().anyMatch(owned -> call.getTargetOwner().isAssignableTo(owned.getKey())
                    && (owned.getValue() == ALL || owned.getValue().contains(call.getName())));
        }
    };

    @ArchTest
    static final ArchRule facesCallUseCases = noClasses()
            .that().resideInAnyPackage(FACES)
            .should().callMethodWhere(useCaseOperation)
            .because("the desktop and the command line do an action the same way: through its use case in "
                    + "org.harbor.usecases, never by orchestrating the services themselves (issue 13)");

    @ArchTest
    static final ArchRule useCasesIgnoreFaces = noClasses()
            .that().resideInAPackage("org.harbor.usecases..")
            .should().dependOnClassesThat().resideInAnyPackage("org.harbor.app..", "org.harbor.ui..", "org.harbor.cli..", "javafx..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.harbor.Harbor")
            .because("use cases sit between the faces and the services: any face may call them, and they get their "
                    + "services by constructor from the composition root");

    @ArchTest
    static final ArchRule domainIgnoresUseCases = noClasses()
            .that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAPackage("org.harbor.usecases..")
            .because("use cases call the services, not the other way round");
}

package org.harbor.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.harbor.seal.PlantedSealReadsCases;

/** Issue 13, "one owner per table": SQL naming a table appears only in the package that owns it ({@link TableOwners}). */
@AnalyzeClasses(packages = "org.harbor", importOptions = ImportOption.DoNotIncludeTests.class)
class TableOwnershipTest {

    /** SQL in a class names only tables its package owns. */
    static final ArchCondition<JavaClass> NAME_ONLY_OWN_TABLES = new ArchCondition<>("hold SQL naming only tables their package owns") {
        @Override
        public void check(JavaClass type, ConditionEvents events) {
            for (String trespass : TableOwners.trespasses(type.getName(), bytes(type), TableOwners.PENDING)) {
                events.add(SimpleConditionEvent.violated(type, type.getName() + " holds SQL naming " + trespass
                        + "; go through the owner's store or service"));
            }
        }
    };

    static final ArchRule ONE_OWNER_PER_TABLE = classes().should(NAME_ONLY_OWN_TABLES)
            .because("one package owns each table (TableOwners.OWNER); the others go through its store or service");

    /** One owner per table: SQL naming a table appears only in its owner's package (less the pending list). */
    @ArchTest
    static final ArchRule oneOwnerPerTable = ONE_OWNER_PER_TABLE;

    /** One owner per table: the rule fails on a planted violation (seal code reading cases and audit_log). */
    @ArchTest
    static void ruleFailsOnPlantedViolation(JavaClasses ignored) {
        EvaluationResult result = ONE_OWNER_PER_TABLE.evaluate(new ClassFileImporter().importClasses(PlantedSealReadsCases.class));
        assertTrue(result.hasViolation());
        String report = result.getFailureReport().toString();
        assertTrue(report.contains("cases (cases)"), report);
        assertTrue(report.contains("audit_log (audit)"), report);
        assertFalse(report.contains("seals ("), "seal owns seals: " + report);
    }

    /** One owner per table: the SQL is found in folded literals, text blocks and concatenation recipes. */
    @ArchTest
    static void sqlFoundInEveryShapeOfStringConstant(JavaClasses ignored) {
        assertEquals(Set.of("cases (cases)", "audit_log (audit)", "persons (cases)", "utterances (interview)"),
                Set.copyOf(TableOwners.trespasses(PlantedSealReadsCases.class)));
    }

    /** One owner per table: seal code holds no SQL on tables it does not own (no pending trespass in seal). */
    @ArchTest
    static void sealCodeGoesThroughTheOwners(JavaClasses main) {
        classes().that().resideInAPackage("org.harbor.seal..").should(new ArchCondition<JavaClass>("name only seal's tables") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (String trespass : TableOwners.trespasses(type.getName(), bytes(type))) {
                    events.add(SimpleConditionEvent.violated(type, type.getName() + " holds SQL naming " + trespass));
                }
            }
        }).check(main);
        assertTrue(TableOwners.PENDING.keySet().stream().noneMatch(k -> k.startsWith("org.harbor.seal.")));
    }

    /** One owner per table: the pending trespasses outside seal are all still real (the list only shrinks). */
    @ArchTest
    static void pendingTrespassesAreReal(JavaClasses main) {
        for (var pending : TableOwners.PENDING.entrySet()) {
            JavaClass type = main.get(pending.getKey());
            Set<String> found = new TreeSet<>();
            for (JavaClass each : main) {
                if (each.getName().equals(type.getName()) || each.getName().startsWith(type.getName() + "$")) {
                    for (String t : TableOwners.trespasses(each.getName(), bytes(each))) {
                        found.add(t.substring(0, t.indexOf(' ')));
                    }
                }
            }
            assertEquals(new TreeSet<>(pending.getValue()), found, pending.getKey() + ": remove what was fixed from PENDING");
        }
    }

    /** One owner per table: every table and view the migrations create has an owner. */
    @ArchTest
    static void everyMigratedTableHasAnOwner(JavaClasses ignored) {
        Pattern create = Pattern.compile("CREATE (?:VIRTUAL )?(?:TABLE|VIEW) (?:IF NOT EXISTS )?([a-z_0-9]+)");
        Set<String> created = new TreeSet<>();
        try (var files = Files.list(Path.of("src/main/resources/org/harbor/vault/migrations"))) {
            for (Path f : files.toList()) {
                Matcher m = create.matcher(Files.readString(f));
                while (m.find()) {
                    created.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        created.remove("interview_events_v2"); // renamed to interview_events by the same migration
        assertTrue(created.size() > 30, "migrations read: " + created);
        Set<String> unowned = new TreeSet<>(created);
        unowned.removeAll(TableOwners.OWNER.keySet());
        assertEquals(Set.of(), unowned);
    }

    private static byte[] bytes(JavaClass type) {
        String resource = "/" + type.getName().replace('.', '/') + ".class";
        try (InputStream in = TableOwnershipTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("class file not found: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

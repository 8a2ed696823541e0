package dev.temper.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.temper.base.SqlRepository;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture.md, checked on the compiled production classes. Layers are told
 * apart by role, not by name: REST resources carry {@code @Path}, views live in {@code ui} packages,
 * repositories are Panache repositories or marked {@link SqlRepository}; everything else is service or domain.
 */
class ArchitectureTest {

    private static final DescribedPredicate<JavaClass> REPOSITORIES =
            assignableTo(PanacheRepositoryBase.class)
                    .or(DescribedPredicate.describe("annotated with @SqlRepository",
                            (JavaClass c) -> c.isAnnotatedWith(SqlRepository.class)))
                    .as("repositories");

    /** Each package of the training feature, its root included, is a slice of its own. */
    private static final SliceAssignment PACKAGES_OF_TRAINING = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.equals("dev.temper.training") || name.startsWith("dev.temper.training.")
                    ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "packages of dev.temper.training";
        }
    };

    private static JavaClasses temper;

    @BeforeAll
    static void importClasses() {
        temper = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.temper");
    }

    @Test
    void theEngineDependsOnNothingOfTheServer() {
        classes().that().resideInAPackage("dev.temper.engine..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.temper.engine..", "java..",
                        "ai.djl..", "org.tensorflow..", "com.fasterxml.jackson..", "org.slf4j..")
                .check(temper);
    }

    @Test
    void theEnginesPartsHaveNoCycles() {
        // data, model, strategy, training, evaluation: each part may use only those before it.
        slices().matching("dev.temper.engine.(*)..")
                .should().beFreeOfCycles()
                .check(temper);
    }

    @Test
    void theWorkerUsesOnlyTheEngineAndTheApiContract() {
        // com.sun.net.httpserver is the JDK's own HTTP server (module jdk.httpserver), which the serve mode answers on.
        classes().that().resideInAPackage("dev.temper.worker..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.temper.worker..", "dev.temper.engine..",
                        "dev.temper.contract..", "java..", "com.fasterxml.jackson..", "com.sun.net.httpserver..")
                .check(temper);
    }

    @Test
    void theContractIsPlainJavaJacksonAndTheEnginesRecords() {
        // Jackson writes the dataset file's header; the worker has it anyway for the REST protocol.
        classes().that().resideInAPackage("dev.temper.contract..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.temper.contract..", "dev.temper.engine..",
                        "java..", "com.fasterxml.jackson..")
                .check(temper);
    }

    @Test
    void onlyTheEngineAndTheWorkerRunTensorFlow() {
        // The server process never loads TensorFlow: training and evaluation run in workers.
        noClasses().that().resideOutsideOfPackages("dev.temper.engine..", "dev.temper.worker..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tensorflow..", "ai.djl..")
                .check(temper);
    }

    @Test
    void onlyRepositoriesTalkToTheDatabaseDirectly() {
        // DatabaseUnavailable reads the SQL state of a failure to tell an outage (503) from a fault (500).
        noClasses().that(DescribedPredicate.not(REPOSITORIES))
                .and().doNotHaveFullyQualifiedName("dev.temper.base.problem.DatabaseUnavailable")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.hibernate")
                .orShould().dependOnClassesThat().areAssignableTo("jakarta.persistence.EntityManager")
                .check(temper);
    }

    @Test
    void repositoriesAreNotUsedByResourcesOrViews() {
        noClasses().that().areAnnotatedWith(Path.class).or().resideInAPackage("..ui..")
                .should().dependOnClassesThat(REPOSITORIES)
                .check(temper);
    }

    @Test
    void vaadinIsUsedOnlyInUserInterfaceCode() {
        noClasses().that().resideOutsideOfPackages("..ui..", "dev.temper.security..")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .check(temper);
    }

    @Test
    void servicesAndDomainDoNotUseTheApiOrUiLayers() {
        noClasses().that().resideOutsideOfPackage("..ui..").and().areNotAnnotatedWith(Path.class)
                .should().dependOnClassesThat().areAnnotatedWith(Path.class)
                .orShould().dependOnClassesThat().resideInAPackage("..ui..")
                .check(temper);
    }

    @Test
    void settingsAreReadThroughTypedConfigMappings() {
        // One @ConfigMapping per prefix gives each setting its type, default and bounds in one place.
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.eclipse.microprofile.config",
                        "org.eclipse.microprofile.config.inject")
                .check(temper);
    }

    @Test
    void featuresHaveNoCycles() {
        slices().matching("dev.temper.(*)..").should().beFreeOfCycles().check(temper);
    }

    @Test
    void theTrainingPartsHaveNoCycles() {
        // The job core, dispatch, executors, the worker API, the queue: each leans only on those below it.
        slices().assignedFrom(PACKAGES_OF_TRAINING).should().beFreeOfCycles().check(temper);
    }
}

package dev.temper.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of docs/architecture.md, checked on the compiled production classes. */
class ArchitectureTest {

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
        classes().that().resideInAPackage("dev.temper.worker..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.temper.worker..", "dev.temper.engine..",
                        "dev.temper.contract..", "java..", "com.fasterxml.jackson..")
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
    void repositoriesAreNotUsedByResourcesOrViews() {
        noClasses().that().haveSimpleNameEndingWith("Resource").or().resideInAPackage("..ui..")
                .should().accessClassesThat().haveSimpleNameEndingWith("Repository")
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
        noClasses().that().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("Repository")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Resource")
                .orShould().dependOnClassesThat().resideInAPackage("..ui..")
                .check(temper);
    }

    @Test
    void featuresHaveNoCycles() {
        slices().matching("dev.temper.(*)..")
                .should().beFreeOfCycles()
                .ignoreDependency(resideInAPackage("..ui.."), alwaysTrue())
                .ignoreDependency(alwaysTrue(), resideInAPackage("..ui.."))
                .check(temper);
    }
}

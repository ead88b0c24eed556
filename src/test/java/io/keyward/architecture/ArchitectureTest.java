package io.keyward.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The design's dependency rules, checked on the compiled main classes (tests excluded) with
 * ArchUnit, so a cycle or a layer breach fails the build instead of waiting for a review.
 */
class ArchitectureTest {

    static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.keyward");
    }

    /** Every package is its own slice ({@code (**)} keeps ui.keys apart from ui.jwks and from ui). */
    @Test
    void noPackageCycles() {
        slices().matching("io.keyward.(**)").should().beFreeOfCycles().check(main);
    }

    @Test
    void featuresDoNotDependOnEachOtherNorOnTheMainWindow() {
        ArchRule rule = slices().matching("io.keyward.ui.(*)..")
                .should().notDependOnEachOther()
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.describe("the main window",
                        c -> c.getPackageName().equals("io.keyward.ui.main")),
                        com.tngtech.archunit.base.DescribedPredicate.alwaysTrue())
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.base.DescribedPredicate.describe("shared view pieces",
                                c -> c.getPackageName().equals("io.keyward.ui.common")));
        rule.check(main);
    }

    @Test
    void viewModelsNeverTouchTheSceneGraph() {
        classes().that().haveSimpleNameEndingWith("ViewModel")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("javafx.scene..", "javafx.stage..")
                .check(main);
    }

    @Test
    void theModelIsPlainRecords() {
        noClasses().that().resideInAPackage("io.keyward.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "okhttp3..", "com.fasterxml..",
                        "io.keyward.gateway..", "io.keyward.session..", "io.keyward.ui..")
                .check(main);
    }

    @Test
    void adaptersKnowNothingOfTheUiAndStayOutOfEachOther() {
        noClasses().that().resideInAPackage("io.keyward.gateway..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.keyward.ui..", "io.keyward.session..",
                        "io.keyward.app..", "io.keyward.sandbox..")
                .check(main);
        noClasses().that().resideInAPackage("io.keyward.gateway.apinizer..")
                .should().dependOnClassesThat().resideInAPackage("io.keyward.gateway.ampersand..").check(main);
        noClasses().that().resideInAPackage("io.keyward.gateway.ampersand..")
                .should().dependOnClassesThat().resideInAPackage("io.keyward.gateway.apinizer..").check(main);
    }

    @Test
    void wireFormatsStayInsideTheAdapters() {
        noClasses().that().resideOutsideOfPackages("io.keyward.gateway..", "io.keyward.sandbox..", "io.keyward.app..")
                .should().dependOnClassesThat().resideInAnyPackage("okhttp3..")
                .check(main);
        // Keyward's own files are JSON too: the store (profiles.json, state.json), the journal's lines, and
        // the results panel's export; none of them speaks HTTP.
        noClasses().that().resideOutsideOfPackages("io.keyward.gateway..", "io.keyward.sandbox..", "io.keyward.app..",
                        "io.keyward.store..", "io.keyward.journal..", "io.keyward.ui.results..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..")
                .check(main);
    }

    @Test
    void theStoreIsPlainJava() {
        noClasses().that().resideInAPackage("io.keyward.store..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "okhttp3..", "io.keyward.ui..",
                        "io.keyward.app..", "io.keyward.sandbox..")
                .check(main);
    }

    @Test
    void theSessionLayerHasNoViews() {
        noClasses().that().resideInAPackage("io.keyward.session..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..", "io.keyward.ui..", "io.keyward.app..")
                .check(main);
    }

    @Test
    void pureLayersStayPure() {
        noClasses().that().resideInAnyPackage("io.keyward.impact..", "io.keyward.crypto..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "okhttp3..", "com.fasterxml..",
                        "io.keyward.session..", "io.keyward.ui..", "io.keyward.app..")
                .check(main);
    }

    @Test
    void theJournalIsPlainJavaAndJson() {
        noClasses().that().resideInAPackage("io.keyward.journal..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "okhttp3..", "io.keyward.gateway..",
                        "io.keyward.session..", "io.keyward.ui..", "io.keyward.app..", "io.keyward.sandbox..")
                .check(main);
    }

    @Test
    void theSandboxIsIndependentOfTheConsole() {
        // It imitates an independent server: sharing the console's code would let a shared bug pass both.
        noClasses().that().resideInAPackage("io.keyward.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("io.keyward.gateway..", "io.keyward.session..",
                        "io.keyward.ui..", "io.keyward.app..", "io.keyward.crypto..", "io.keyward.model..",
                        "javafx..")
                .check(main);
    }

    @Test
    void theKeychainStaysInTheStore() {
        // Plain Java without JavaFX (its calls block, so they run off the FX thread); java-keyring, D-Bus and
        // JNA are used nowhere else.
        noClasses().that().resideInAPackage("io.keyward.store..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.keyward.ui..", "io.keyward.app..")
                .check(main);
        noClasses().that().resideOutsideOfPackage("io.keyward.store..")
                .should().dependOnClassesThat().resideInAnyPackage("com.github.javakeyring..", "org.freedesktop..",
                        "de.swiesend..", "com.sun.jna..")
                .check(main);
    }
}

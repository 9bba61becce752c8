package dev.reverie.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layer rules of DESIGN.md, enforced on the compiled core. */
class LayerRulesTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            // Not Predefined.DO_NOT_INCLUDE_TESTS: it knows only target/test-classes, and builds
            // may use another directory (-Dreverie.buildDir).
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("dev.reverie");
  }

  @Test
  void coreNeverImportsAProvider() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.reverie.provider..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.reverie.provider..")
        .because("core is written against the SPI; providers plug in")
        .check(classes);
  }

  @Test
  void providersNeverImportEachOther() {
    slices()
        .matching("dev.reverie.provider.(*)..")
        .should()
        .notDependOnEachOther()
        .because("shared wire code belongs in dev.reverie.internal")
        .check(classes);
  }

  @Test
  void theSpiDoesNotReachIntoInternals() {
    noClasses()
        .that()
        .resideInAPackage("dev.reverie.spi..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.reverie.internal..")
        .check(classes);
  }

  @Test
  void valueTypesDoNotDependOnTransportOrProviders() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.reverie.message..", "dev.reverie.stream..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.reverie.transport..", "dev.reverie.internal..", "dev.reverie.provider..")
        .check(classes);
  }

  @Test
  void noImplementationIsNamedImpl() {
    noClasses().should().haveSimpleNameEndingWith("Impl").check(classes);
  }
}

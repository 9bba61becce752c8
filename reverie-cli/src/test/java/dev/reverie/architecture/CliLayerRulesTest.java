package dev.reverie.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The command line is a user of Reverie's public API. */
class CliLayerRulesTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            // Not Predefined.DO_NOT_INCLUDE_TESTS: it knows only target/test-classes, and builds
            // may use another directory (-Dreverie.buildDir).
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("dev.reverie.cli");
  }

  @Test
  void theCliUsesThePublicApiAndOpensProvidersByName() {
    noClasses()
        .that()
        .resideInAPackage("dev.reverie.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.reverie.internal..", "dev.reverie.codec..", "dev.reverie.provider..")
        .because("the CLI opens providers by name through dev.reverie.Providers")
        .check(classes);
  }

  @Test
  void noImplementationIsNamedImpl() {
    noClasses().should().haveSimpleNameEndingWith("Impl").check(classes);
  }
}

package dev.reverie.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The benchmarks may use anything; only the naming rule applies. */
class BenchRulesTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            // Not Predefined.DO_NOT_INCLUDE_TESTS: it knows only target/test-classes, and builds
            // may use another directory (-Dreverie.buildDir).
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("dev.reverie.bench");
  }

  @Test
  void noImplementationIsNamedImpl() {
    noClasses().should().haveSimpleNameEndingWith("Impl").check(classes);
  }
}

package dev.reverie.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cassette module works through Reverie's public API, like any user. */
class CassetteLayerRulesTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            // Not Predefined.DO_NOT_INCLUDE_TESTS: it knows only target/test-classes, and builds
            // may use another directory (-Dreverie.buildDir).
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("dev.reverie.cassette");
  }

  @Test
  void cassettesUseThePublicApiOnly() {
    noClasses()
        .that()
        .resideInAPackage("dev.reverie.cassette..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.reverie.internal..")
        .because("recording, replay and conformance work through the public API")
        .check(classes);
  }

  /**
   * A wire format's public option types (Anthropic's options, cache markers and tools) live in its
   * codec package, shared by the services that speak it (ADR 0007); the codec's machinery does not
   * concern the runner.
   */
  @Test
  void cassettesUseNoCodecMachinery() {
    noClasses()
        .that()
        .resideInAPackage("dev.reverie.cassette..")
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "codec machinery (encoders, decoders, readers, parsers, models, dialects)",
                c ->
                    c.getPackageName().startsWith("dev.reverie.codec.")
                        && c.getSimpleName()
                            .matches(".*(Encoder|Decoder|Reader|Parser|Model|Dialect|Request)")))
        .because("the runner drives providers as users do")
        .check(classes);
  }

  @Test
  void onlyConformanceAdaptersKnowAProvider() {
    noClasses()
        .that()
        .resideInAPackage("dev.reverie.cassette..")
        .and(DescribedPredicate.not(areConformanceAdapters()))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.reverie.provider..")
        .because(
            "providers are opened by id through dev.reverie.Providers; an adapter adds typed options")
        .check(classes);
  }

  @Test
  void noImplementationIsNamedImpl() {
    noClasses().should().haveSimpleNameEndingWith("Impl").check(classes);
  }

  /** Classes of dev.reverie.cassette.conformance named *Adapter, with their nested classes. */
  private static DescribedPredicate<JavaClass> areConformanceAdapters() {
    return DescribedPredicate.describe(
        "are *Adapter classes of dev.reverie.cassette.conformance (or nested in one)",
        javaClass -> {
          JavaClass outermost = javaClass;
          while (outermost.getEnclosingClass().isPresent()) {
            outermost = outermost.getEnclosingClass().get();
          }
          return outermost.getPackageName().equals("dev.reverie.cassette.conformance")
              && outermost.getSimpleName().endsWith("Adapter");
        });
  }
}

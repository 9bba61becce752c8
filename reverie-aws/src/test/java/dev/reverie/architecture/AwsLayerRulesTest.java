package dev.reverie.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The provider rules of core's {@code LayerRulesTest}, for the Bedrock provider of this module. */
class AwsLayerRulesTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("dev.reverie.provider.bedrock");
  }

  @Test
  void bedrockUsesOnlyTheSpiCodecsInternalsValueTypesAndTheAwsAuthArtifacts() {
    classes()
        .that()
        .resideInAPackage("dev.reverie.provider.bedrock..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "com.fasterxml.jackson..",
            "dev.reverie",
            "dev.reverie.spi..",
            "dev.reverie.codec..",
            "dev.reverie.internal..",
            "dev.reverie.message..",
            "dev.reverie.stream..",
            "dev.reverie.tool..",
            "dev.reverie.error..",
            "dev.reverie.transport..",
            "dev.reverie.json..",
            "dev.reverie.provider.bedrock..",
            "software.amazon.awssdk.auth.credentials..",
            "software.amazon.awssdk.identity.spi..",
            "software.amazon.awssdk.http..",
            "software.amazon.awssdk.regions..")
        .because(
            "a provider is endpoint, auth, options and a codec; never another provider (none is"
                + " in the list)")
        .check(classes);
  }

  @Test
  void publicMethodsShowNeitherJacksonNorInternalTypes() {
    methods()
        .that()
        .arePublic()
        .and()
        .areDeclaredInClassesThat()
        .arePublic()
        .and()
        .areDeclaredInClassesThat()
        .resideInAPackage("dev.reverie.provider.bedrock..")
        .should()
        .notHaveRawReturnType(
            com.tngtech.archunit.base.DescribedPredicate.describe(
                "a Jackson or internal type",
                (com.tngtech.archunit.core.domain.JavaClass type) ->
                    type.getPackageName().startsWith("com.fasterxml.jackson")
                        || type.getPackageName().startsWith("dev.reverie.internal")))
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("dev.reverie.provider.bedrock..")
        .and()
        .haveModifier(JavaModifier.PUBLIC)
        .should()
        .haveSimpleNameEndingWith("Impl")
        .check(classes);
  }
}

package dev.reverie.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layer rules of DESIGN.md for the Vertex module. */
class GcpLayerRulesTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("dev.reverie.provider.vertex");
  }

  @Test
  void vertexUsesCoreProviderLayersAndGooglesAuthLibraryOnly() {
    classes()
        .that()
        .resideInAPackage("dev.reverie.provider.vertex..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "java..",
            "com.fasterxml.jackson..",
            "com.google.auth..",
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
            "dev.reverie.provider.vertex..")
        .because("a provider is endpoint, auth, options and codecs; never another provider")
        .check(classes);
  }

  @Test
  void publicMethodsShowNoJacksonOrInternalType() {
    methods()
        .that()
        .arePublic()
        .and()
        .areDeclaredInClassesThat()
        .arePublic()
        .should(
            new ArchCondition<JavaMethod>("show no Jackson or internal type") {
              @Override
              public void check(JavaMethod method, ConditionEvents events) {
                for (JavaClass type : method.getAllInvolvedRawTypes()) {
                  String name = type.getName();
                  if (name.startsWith("com.fasterxml.jackson")
                      || name.startsWith("dev.reverie.internal")) {
                    events.add(
                        SimpleConditionEvent.violated(
                            method, method.getFullName() + " shows " + name));
                  }
                }
              }
            })
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void everyPublicTypeIsFinalOrAnException() {
    classes()
        .that()
        .arePublic()
        .and()
        .areNotAssignableTo(RuntimeException.class)
        .and()
        .areNotInterfaces()
        .should()
        .haveModifier(JavaModifier.FINAL)
        .check(classes);
  }
}

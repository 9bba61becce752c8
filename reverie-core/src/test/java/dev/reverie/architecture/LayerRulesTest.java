package dev.reverie.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layer rules of DESIGN.md, enforced on the compiled core. */
class LayerRulesTest {
  private static final String INTERNAL = "dev.reverie.internal..";
  private static final String JACKSON = "com.fasterxml.jackson..";

  /** What any provider package may use besides its own package. */
  private static final String[] PROVIDER_MAY_USE = {
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
    "dev.reverie.schema..",
  };

  /** The packages users and provider authors program against. */
  private static final String[] PUBLIC_API = {
    "dev.reverie",
    "dev.reverie.message..",
    "dev.reverie.stream..",
    "dev.reverie.tool..",
    "dev.reverie.spi..",
    "dev.reverie.error..",
    "dev.reverie.transport..",
    "dev.reverie.agent..",
    "dev.reverie.conversation..",
  };

  /**
   * Public members of the public API that show an internal type today, as {@code Owner.member}
   * (nested classes with {@code $}). Each is a known violation to be fixed in main code, not a
   * permission: the rule passes only while nothing else leaks. Empty means no known violation.
   */
  private static final Set<String> KNOWN_INTERNAL_LEAKS = Set.of();

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
  void codecsNeverImportAProvider() {
    noClasses()
        .that()
        .resideInAPackage("dev.reverie.codec..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.reverie.provider..")
        .because("a codec is shared by the services that speak its format")
        .check(classes);
  }

  @Test
  void codecsNeverImportEachOther() {
    slices()
        .matching("dev.reverie.codec.(*)..")
        .should()
        .notDependOnEachOther()
        .because("each codec is one wire format; shared code belongs in dev.reverie.internal")
        .check(classes);
  }

  /**
   * One rule per provider package, so that "its own package" means that provider's package and not
   * any provider's (providersNeverImportEachOther says the same between providers).
   */
  @Test
  void providersUseOnlyTheSpiCodecsInternalsAndValueTypes() {
    Set<String> providerPackages =
        classes.stream()
            .map(JavaClass::getPackageName)
            .filter(name -> name.startsWith("dev.reverie.provider."))
            .map(name -> name.split("\\.")[3])
            .collect(Collectors.toCollection(TreeSet::new));
    List<ArchRule> rules = new ArrayList<>();
    for (String provider : providerPackages) {
      String own = "dev.reverie.provider." + provider + "..";
      String[] allowed = Arrays.copyOf(PROVIDER_MAY_USE, PROVIDER_MAY_USE.length + 1);
      allowed[allowed.length - 1] = own;
      rules.add(
          classes()
              .that()
              .resideInAPackage(own)
              .should()
              .onlyDependOnClassesThat()
              .resideInAnyPackage(allowed)
              .because("a provider is endpoint, auth, options and a codec dialect; never agents"));
    }
    CompositeArchRule.of(rules).check(classes);
  }

  @Test
  void internalsNeverImportCodecsProvidersOrAgents() {
    noClasses()
        .that()
        .resideInAPackage(INTERNAL)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.reverie.codec..", "dev.reverie.provider..", "dev.reverie.agent..")
        .because("internal is plumbing shared by everything above it")
        .check(classes);
  }

  @Test
  void theSpiDoesNotReachIntoInternals() {
    noClasses()
        .that()
        .resideInAPackage("dev.reverie.spi..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(INTERNAL)
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
  void publicMethodsOfThePublicApiShowNoInternalType() {
    codeUnits().that(arePublicApi()).should(notShowAnInternalType()).check(classes);
  }

  /**
   * Users must not be tied to a Jackson major version: provider data, schemas, tool specs and
   * arguments are Reverie's own JSON values (ADR 0007).
   */
  @Test
  void publicMembersOfThePublicApiShowNoJacksonType() {
    codeUnits()
        .that(arePublicApi())
        .should(notShowATypeOf(JACKSON, "a Jackson type"))
        .check(classes);
    fields()
        .that(arePublicApi())
        .should(notShowATypeOf(JACKSON, "a Jackson type"))
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void publicFieldsOfThePublicApiShowNoInternalType() {
    fields()
        .that(arePublicApi())
        .should(notShowAnInternalType())
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void noImplementationIsNamedImpl() {
    noClasses().should().haveSimpleNameEndingWith("Impl").check(classes);
  }

  /**
   * Public members (methods, constructors, fields) of public, reachable classes in the public API
   * packages, other than the known leaks.
   */
  private static DescribedPredicate<JavaMember> arePublicApi() {
    return DescribedPredicate.describe(
        "are public members of public classes in " + String.join(", ", PUBLIC_API),
        member ->
            member.getModifiers().contains(JavaModifier.PUBLIC)
                && !member.getModifiers().contains(JavaModifier.SYNTHETIC)
                && isReachable(member.getOwner())
                && resideInPublicApi(member.getOwner())
                && !KNOWN_INTERNAL_LEAKS.contains(key(member)));
  }

  private static boolean resideInPublicApi(JavaClass owner) {
    return JavaClass.Predicates.resideInAnyPackage(PUBLIC_API).test(owner);
  }

  /** Public, and so are all its enclosing classes. */
  private static boolean isReachable(JavaClass owner) {
    for (Optional<JavaClass> c = Optional.of(owner);
        c.isPresent();
        c = c.get().getEnclosingClass()) {
      if (!c.get().getModifiers().contains(JavaModifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  private static String key(JavaMember member) {
    return member.getOwner().getName().substring(member.getOwner().getPackageName().length() + 1)
        + "."
        + member.getName();
  }

  /**
   * The return, parameter, thrown and field types of a member, with their type arguments and bounds
   * (so {@code List<internal.X>} counts), name no class of {@code dev.reverie.internal}.
   */
  private static <T extends JavaMember> ArchCondition<T> notShowAnInternalType() {
    return notShowATypeOf(INTERNAL, "an internal type");
  }

  private static <T extends JavaMember> ArchCondition<T> notShowATypeOf(
      String packagePattern, String what) {
    return new ArchCondition<>("not show " + what + " in its signature") {
      @Override
      public void check(T member, ConditionEvents events) {
        List<JavaType> types = new ArrayList<>();
        if (member instanceof JavaCodeUnit codeUnit) {
          types.add(codeUnit.getReturnType());
          types.addAll(codeUnit.getParameterTypes());
          types.addAll(codeUnit.getThrowsClause().getTypes());
          types.addAll(codeUnit.getTypeParameters());
        } else if (member instanceof JavaField field) {
          types.add(field.getType());
        }
        Set<String> internal =
            types.stream()
                .flatMap(type -> type.getAllInvolvedRawTypes().stream())
                .map(JavaClass::getBaseComponentType)
                .filter(JavaClass.Predicates.resideInAPackage(packagePattern))
                .map(JavaClass::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        boolean leaks = !internal.isEmpty();
        String message =
            member.getFullName()
                + (leaks ? " shows " + String.join(", ", internal) : " shows no " + what)
                + " in "
                + member.getSourceCodeLocation();
        events.add(new SimpleConditionEvent(member, !leaks, message));
      }
    };
  }
}

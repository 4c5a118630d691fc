package dev.flightplan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import dev.flightplan.testing.IntegrationTest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The project's boundaries, checked on the compiled main classes: data flows config → live state →
 * plan → render/apply, the sandbox stands alone (it is the fake App Store Connect and must not
 * share the client's idea of the API), the planner is pure, and views only render what they are
 * given.
 */
class ArchitectureTest {
  private static final String ROOT = "dev.flightplan";
  private static JavaClasses all;
  private static JavaClasses main;

  @BeforeAll
  static void importClasses() {
    all =
        new ClassFileImporter().importPackages(ROOT); // once: importing is most of this test's time
    ImportOption notTests = new ImportOption.DoNotIncludeTests();
    main =
        all.that(
            DescribedPredicate.describe(
                "main classes",
                c ->
                    c.getSource()
                        .map(source -> notTests.includes(Location.of(source.getUri())))
                        .orElse(false)));
  }

  /**
   * The classes that talk to the network or the file system, and those that use the API client (the
   * state readers): whoever depends on one does I/O.
   */
  private static final DescribedPredicate<JavaClass> DOES_IO =
      DescribedPredicate.describe(
          "does I/O",
          c ->
              c.getName().equals(ROOT + ".api.AscClient")
                  || c.getName().equals(ROOT + ".api.Transport")
                  || c.getName().equals(ROOT + ".api.Sender")
                  || c.getPackageName().startsWith("org.apache.hc.")
                  || c.getPackageName().startsWith("java.net.http")
                  || c.getPackageName().startsWith("java.nio.channels")
                  || c.getName().equals("java.nio.file.Files")
                  || c.getName().equals("java.net.Socket")
                  || c.getName().equals("java.net.URL")
                  || c.getName().equals("java.io.FileInputStream")
                  || c.getName().equals("java.io.FileOutputStream")
                  || c.getName().equals("java.io.FileReader")
                  || c.getName().equals("java.io.FileWriter")
                  || c.getName().equals("java.io.RandomAccessFile")
                  || c.getName().equals("java.lang.ProcessBuilder")
                  || c.getDirectDependenciesFromSelf().stream()
                      .anyMatch(d -> d.getTargetClass().getName().equals(ROOT + ".api.AscClient")));

  @Test
  void theSandboxDependsOnNothingOfTheClient() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".sandbox..")
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "client code",
                c ->
                    c.getPackageName().startsWith(ROOT)
                        && !c.getPackageName().startsWith(ROOT + ".sandbox")))
        .because(
            "the sandbox is the fake App Store Connect: sharing the client's code would let both sides agree"
                + " on a mistake")
        .check(main);
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".sandbox..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages(
            ROOT + "..",
            "java..",
            "javax..",
            "com.sun.net.httpserver..",
            "com.fasterxml.jackson..",
            "org.jose4j..",
            "org.slf4j..")
        .check(main);
  }

  @Test
  void onlyTheCommandLineStartsTheSandbox() {
    noClasses()
        .that()
        .resideOutsideOfPackages(ROOT + ".sandbox..", ROOT + ".cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".sandbox..")
        .because(
            "the client reaches the sandbox over HTTP like any App Store Connect; only `--sandbox` and"
                + " `flightplan sandbox` start one")
        .check(main);
  }

  @Test
  void thePlannerDoesNoIo() {
    noClasses()
        .that()
        .resideInAnyPackage(ROOT + ".plan..", ROOT + ".kinds..")
        .should()
        .dependOnClassesThat(DOES_IO)
        .because(
            "planning is a pure function of the file and the live state: reads happen before, in state,"
                + " and requests after, in apply")
        .check(main);
  }

  @Test
  void viewsOnlyRender() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".render..")
        .should()
        .dependOnClassesThat(DOES_IO)
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".api..", ROOT + ".cli..")
        .because(
            "a view renders the values it is given; it neither calls the API nor reads live state")
        .check(main);
  }

  @Test
  void dataFlowsOneWay() {
    // each step may use the steps before it, never one after it
    layer(
        ".diag..",
        ".config..",
        ".api..",
        ".state..",
        ".plan..",
        ".apply..",
        ".engine..",
        ".render..",
        ".pull..",
        ".cli..");
    layer(
        ".config..",
        ".api..",
        ".state..",
        ".plan..",
        ".kinds..",
        ".apply..",
        ".engine..",
        ".render..",
        ".pull..",
        ".cli..");
    layer(
        ".api..",
        ".config..",
        ".state..",
        ".plan..",
        ".kinds..",
        ".apply..",
        ".engine..",
        ".render..",
        ".pull..",
        ".cli..");
    layer(".state..", ".plan..", ".apply..", ".engine..", ".render..", ".pull..", ".cli..");
    layer(".plan..", ".apply..", ".engine..", ".render..", ".pull..", ".cli..");
    layer(".kinds..", ".apply..", ".engine..", ".render..", ".cli..");
    layer(".apply..", ".engine..", ".render..", ".pull..", ".cli..");
    layer(".render..", ".cli..");
    layer(".engine..", ".render..", ".cli..");
  }

  /** Nothing in {@code pkg} uses any of {@code later}. */
  private static void layer(String pkg, String... later) {
    String[] names = new String[later.length];
    for (int i = 0; i < later.length; i++) {
      names[i] = ROOT + later[i];
    }
    noClasses()
        .that()
        .resideInAPackage(ROOT + pkg)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(names)
        .check(main);
  }

  @Test
  void theStepsHaveNoCycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(main);
  }

  /**
   * What makes a test slow: HTTP (the sandbox or a server of its own), processes, or Apple's 9 MB
   * document.
   */
  private static final DescribedPredicate<JavaClass> SLOW =
      DescribedPredicate.describe(
          "a server, a process or" + " Apple's document",
          c ->
              c.getName().equals(ROOT + ".sandbox.SandboxServer")
                  || c.getName().equals("java.lang.ProcessBuilder")
                  || c.getPackageName().equals("com.sun.net.httpserver")
                  || c.getName().equals(ROOT + ".contract.OpenApiContract"));

  @Test
  void slowTestsRunInVerify() {
    Set<JavaClass> slow = reaching(all, SLOW);
    classes()
        .that(
            DescribedPredicate.describe(
                "are test classes",
                c ->
                    c.getEnclosingClass().isEmpty()
                        && !c.getModifiers().contains(JavaModifier.ABSTRACT)
                        && (c.getSimpleName().endsWith("Test")
                            || c.getSimpleName().endsWith("IT"))))
        .and(
            DescribedPredicate.describe(
                "reach a server, a process or Apple's document", slow::contains))
        .should()
        .beAnnotatedWith(IntegrationTest.class)
        .because(
            "`./mvnw test` runs the unit tests in seconds; what talks over HTTP, starts processes or reads"
                + " Apple's document runs in `verify` (failsafe)")
        .check(all);
  }

  /** The classes that use, directly or through others, a class that {@code target} names. */
  private static Set<JavaClass> reaching(
      JavaClasses classes, DescribedPredicate<JavaClass> target) {
    Set<JavaClass> found = new HashSet<>();
    Deque<JavaClass> todo = new ArrayDeque<>();
    for (JavaClass c : classes) {
      if (c.getDirectDependenciesFromSelf().stream()
          .anyMatch(d -> target.test(d.getTargetClass()))) {
        found.add(c);
        todo.add(c);
      }
    }
    while (!todo.isEmpty()) {
      for (Dependency d : todo.remove().getDirectDependenciesToSelf()) {
        if (found.add(d.getOriginClass())) {
          todo.add(d.getOriginClass());
        }
      }
    }
    return found;
  }

  @Test
  void actionsAreASealedFamilyOfRecords() {
    classes()
        .that()
        .resideInAPackage(ROOT + ".plan")
        .and()
        .areAssignableTo(ROOT + ".plan.Action")
        .and()
        .areNotInterfaces()
        .should()
        .beRecords()
        .check(main);
  }
}

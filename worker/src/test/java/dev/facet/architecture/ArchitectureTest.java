package dev.facet.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.facet.FacetApplication;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The directions inside activities and worker that the compiler does not check (the modules' own
 * direction, {@code worker → activities → {workflows, imaging} → model}, is Maven's: a dependency
 * against it does not compile; {@code DeterministicWorkflowsTest} guards the workflows module).
 */
@AnalyzeClasses(
    packages = "dev.facet",
    importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

  /**
   * No test kit in the product: the fakes and stand-ins live in the devkit module and in tests, and
   * main code names none of them (ProductionJarIT checks the packaged jar too).
   */
  @ArchTest
  static final ArchRule noTestKitInMainCode =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.facet..fake..", "dev.facet..devkit..", "dev.facet..testing..")
          .orShould()
          .resideInAnyPackage("dev.facet..fake..", "dev.facet..devkit..", "dev.facet..testing..")
          .because(
              "fakes and test servers are test kit, not product (issue #19: the devkit module)");

  /**
   * The imaging and storage libraries sit under the steps that use them, as the README says
   * (imaging's own module already keeps it from the activities; this keeps storage too).
   */
  @ArchTest
  static final ArchRule librariesKnowNoSteps =
      noClasses()
          .that()
          .resideInAnyPackage("dev.facet.imaging..", "dev.facet.storage..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.facet.steps..",
              "dev.facet.activities..",
              "dev.facet.providers..",
              "dev.facet.catalogstore..",
              "dev.facet.manifest..",
              "dev.facet.audit..",
              "dev.facet.finish..",
              "dev.facet.prompts..",
              "dev.facet.consistency..",
              "dev.facet.providerreport..",
              "dev.facet.catalog..",
              "dev.facet.shoot..")
          .because("libraries are reusable below the activities (README, Architecture)");

  /**
   * The worker's packages by feature (README, Architecture): {@code dev.facet.app.<feature>}, each
   * a feature's controller, client, settings and exceptions together; the application class and the
   * Temporal wiring ({@code dev.facet.temporal}) beside them. One root for the features keeps their
   * names clear of the other modules' packages ({@code dev.facet.catalog} is the workflows').
   */
  @ArchTest
  static void workerPackagesAreFeatures(JavaClasses classes) {
    List<String> outside =
        classes.stream()
            .filter(c -> module(c).equals("worker"))
            .map(JavaClass::getPackageName)
            .filter(
                p ->
                    !p.equals("dev.facet")
                        && !p.startsWith("dev.facet.temporal")
                        && !p.matches("dev\\.facet\\.app\\.[a-z]+"))
            .distinct()
            .sorted()
            .toList();
    assertThat(outside).as("worker packages outside dev.facet.app.<feature>").isEmpty();
  }

  /** Features may use each other one way only, so each can be read (and moved) as a whole. */
  @ArchTest
  static final ArchRule featuresFormNoCycles =
      slices()
          .matching("dev.facet.app.(*)..")
          .should()
          .beFreeOfCycles()
          .because("a feature uses another one way only (README, Architecture)");

  /**
   * No package in two jars: a split package breaks the module path and hides which jar a class
   * comes from.
   */
  @ArchTest
  static void noSplitPackages(JavaClasses classes) {
    Map<String, Set<String>> modules = new TreeMap<>();
    classes.stream()
        .filter(c -> c.getPackageName().startsWith("dev.facet"))
        .forEach(
            c -> modules.computeIfAbsent(c.getPackageName(), p -> new TreeSet<>()).add(module(c)));
    modules.values().removeIf(in -> in.size() < 2);
    assertThat(modules).as("packages in more than one module").isEmpty();
  }

  /** The module a class comes from: its folder above target/classes, or its jar's name. */
  static String module(JavaClass c) {
    String uri = c.getSource().orElseThrow().getUri().toString();
    Matcher folder = Pattern.compile("/([^/]+)/target/classes/").matcher(uri);
    if (folder.find()) {
      return folder.group(1);
    }
    Matcher jar = Pattern.compile("/facet-([a-z]+)-[^/]*\\.jar!").matcher(uri);
    return jar.find() ? jar.group(1) : uri;
  }

  /** The command line is an entry point: only the application's main class calls it. */
  @ArchTest
  static final ArchRule commandLineIsOutermost =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.facet.app.cli..")
          .and()
          .doNotBelongToAnyOf(FacetApplication.class)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.facet.app.cli..")
          .because(
              "the API and the CLI are two clients of the same services (README, Architecture)");

  /** {@code run}'s terminal work serves the command line alone. */
  @ArchTest
  static final ArchRule runServesTheCommandLine =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.facet.app.run..", "dev.facet.app.cli..")
          .and()
          .doNotBelongToAnyOf(FacetApplication.class)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.facet.app.run..")
          .because(
              "the API and the CLI are two clients of the same services (README, Architecture)");

  /** The HTTP API's controllers are entry points too: no other class calls them. */
  @ArchTest
  static final ArchRule controllersAreOutermost =
      noClasses()
          .that()
          .areNotAnnotatedWith(RestController.class)
          .and()
          .areNotAnnotatedWith(Controller.class)
          .should()
          .dependOnClassesThat()
          .areAnnotatedWith(RestController.class)
          .orShould()
          .dependOnClassesThat()
          .areAnnotatedWith(Controller.class)
          .because("a controller is the HTTP surface of its feature; others use its services");

  /**
   * The activities' and imaging's test jars and the devkit are on the worker's test classpath;
   * their classes are test kit, not main code.
   */
  static final class NoTestJars implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("-tests.jar")
          && !location.contains("/devkit/target/")
          && !location.contains("facet-devkit");
    }
  }
}

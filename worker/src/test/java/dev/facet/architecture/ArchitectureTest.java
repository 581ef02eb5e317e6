package dev.facet.architecture;

import static com.tngtech.archunit.core.domain.Dependency.Predicates.dependency;
import static com.tngtech.archunit.core.domain.Dependency.Predicates.dependencyTarget;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.conditions.ArchConditions.onlyHaveDependenciesWhere;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.facet.FacetApplication;
import dev.facet.providers.fake.FakeProviderServer;

/**
 * The directions inside activities and worker that the compiler does not check (the modules'
 * own direction, {@code worker → activities → workflows}, is Maven's: a dependency against it does
 * not compile; {@code DeterministicWorkflowsTest} guards the workflows module).
 */
@AnalyzeClasses(
    packages = "dev.facet",
    importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

  private static final String[] TEST_KIT = {"dev.facet..fake..", "dev.facet..testing.."};

  /**
   * No test kit in the product. One exception, frozen: {@code ./facet fake-providers} starts the
   * fake provider server from the product's main class until the fakes move to a devkit module of
   * their own (issue #19); no other use is allowed, there or anywhere else.
   */
  @ArchTest
  static final ArchRule noTestKitInMainCode =
      classes()
          .that().resideOutsideOfPackages(TEST_KIT)
          .should(onlyHaveDependenciesWhere(
              dependencyTarget(resideOutsideOfPackages(TEST_KIT))
                  .or(dependency(FacetApplication.class, FakeProviderServer.class))))
          .because("fakes and test servers are test kit, not product (issue #19: a devkit module)");

  /** The imaging and storage libraries sit under the steps that use them, as the README says. */
  @ArchTest
  static final ArchRule librariesKnowNoSteps =
      noClasses()
          .that().resideInAnyPackage("dev.facet.imaging..", "dev.facet.storage..")
          .should().dependOnClassesThat().resideInAnyPackage(
              "dev.facet.steps..", "dev.facet.activities..", "dev.facet.providers..",
              "dev.facet.catalogstore..", "dev.facet.manifest..", "dev.facet.audit..", "dev.facet.finish..",
              "dev.facet.prompts..", "dev.facet.consistency..", "dev.facet.providerreport..",
              "dev.facet.catalog..", "dev.facet.shoot..")
          .because("libraries are reusable below the activities (README, Architecture)");

  /** The HTTP API and the command line are entry points: nothing else in Facet calls them. */
  @ArchTest
  static final ArchRule entryPointsAreOutermost =
      noClasses()
          .that().resideOutsideOfPackages("dev.facet.api..", "dev.facet.cli..")
          .and().doNotBelongToAnyOf(FacetApplication.class)
          .should().dependOnClassesThat().resideInAnyPackage("dev.facet.api..", "dev.facet.cli..")
          .because("the API and the CLI are two clients of the same services (README, Architecture)");

  @ArchTest
  static final ArchRule apiAndCliAreIndependent =
      noClasses()
          .that().resideInAPackage("dev.facet.api..")
          .should().dependOnClassesThat().resideInAPackage("dev.facet.cli..")
          .orShould().dependOnClassesThat().areAssignableTo(FacetApplication.class)
          .because("the API and the CLI are two clients of the same services (README, Architecture)");

  /** The activities' test jar is on the worker's test classpath; its classes are tests too. */
  static final class NoTestJars implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("-tests.jar");
    }
  }
}

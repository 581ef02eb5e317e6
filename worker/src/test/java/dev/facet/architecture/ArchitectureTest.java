package dev.facet.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.facet.FacetApplication;

/**
 * The directions inside activities and worker that the compiler does not check (the modules'
 * own direction, {@code worker → activities → workflows}, is Maven's: a dependency against it does
 * not compile; {@code DeterministicWorkflowsTest} guards the workflows module).
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
          .should().dependOnClassesThat().resideInAnyPackage(
              "dev.facet..fake..", "dev.facet..devkit..", "dev.facet..testing..")
          .orShould().resideInAnyPackage(
              "dev.facet..fake..", "dev.facet..devkit..", "dev.facet..testing..")
          .because("fakes and test servers are test kit, not product (issue #19: the devkit module)");

  /** The imaging and storage libraries sit under the steps that use them, as the README says. */
  @ArchTest
  static final ArchRule librariesKnowNoSteps =
      noClasses()
          .that().resideInAnyPackage("dev.facet.imaging..", "dev.facet.storage..")
          .should().dependOnClassesThat().resideInAnyPackage(
              "dev.facet.steps..", "dev.facet.providers..", "dev.facet.catalogstore..",
              "dev.facet.manifest..", "dev.facet.audit..", "dev.facet.finish..",
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

  /**
   * The activities' test jar and the devkit are on the worker's test classpath; their classes are
   * test kit, not main code.
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

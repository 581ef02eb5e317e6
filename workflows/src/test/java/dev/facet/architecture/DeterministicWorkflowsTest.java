package dev.facet.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.InstantSource;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The workflows module replays: everything in it (workflow code, activity interfaces) and the
 * records in history (the model module, on this classpath and analysed with it) must compute the
 * same result from the same history. Time, randomness and sleeping come from {@code
 * io.temporal.workflow.Workflow}; I/O belongs to activities.
 */
@AnalyzeClasses(packages = "dev.facet", importOptions = ImportOption.DoNotIncludeTests.class)
class DeterministicWorkflowsTest {

  private static final String WHY =
      "workflow code must replay deterministically: use Workflow.* or an activity";

  @ArchTest
  static final ArchRule noIo =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.io..", "java.nio..", "java.net..")
          .because("I/O is an activity's job; " + WHY);

  @ArchTest
  static final ArchRule noSystemClock =
      noClasses()
          .should()
          .callMethod(System.class, "currentTimeMillis")
          .orShould()
          .callMethod(System.class, "nanoTime")
          .orShould()
          .callMethodWhere(target(name("now")).and(target(owner(resideInAPackage("java.time")))))
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(InstantSource.class)
          .orShould()
          .dependOnClassesThat()
          .areAssignableTo(Clock.class)
          .because("Workflow.currentTimeMillis() is the replayable clock; " + WHY);

  // Workflow.newRandom() hands out a java.util.Random seeded from history: using one is fine,
  // making one is not.
  @ArchTest
  static final ArchRule noRandomness =
      noClasses()
          .should()
          .callConstructorWhere(target(owner(assignableTo(Random.class))))
          .orShould()
          .dependOnClassesThat()
          .belongToAnyOf(ThreadLocalRandom.class, SplittableRandom.class)
          .orShould()
          .callMethod(Math.class, "random")
          .orShould()
          .callMethod(UUID.class, "randomUUID")
          .because(
              "Workflow.newRandom() and Workflow.randomUUID() are seeded from history; " + WHY);

  @ArchTest
  static final ArchRule noSleepingOrThreads =
      noClasses()
          .should()
          .callMethod(Thread.class, "sleep", long.class)
          .orShould()
          .callConstructorWhere(target(owner(assignableTo(Thread.class))))
          .because("Workflow.sleep() and Async are the durable timer and threads; " + WHY);

  /**
   * The module's direction: it builds on the JDK's pure parts, Temporal's SDK and the model's
   * records, nothing else. The model module also holds FacetJson, the activities' mapper: it is on
   * this classpath but not this module's to use (history payloads take the SDK's converter).
   */
  @ArchTest
  static final ArchRule onlyTheSdkAndTheJdk =
      classes()
          .that()
          .resideOutsideOfPackage("dev.facet.json..")
          .should()
          .onlyDependOnClassesThat(
              resideInAnyPackage(
                      "dev.facet..",
                      "java.lang..",
                      "java.util..",
                      "java.time..",
                      "java.math..",
                      "io.temporal..",
                      "com.uber.m3..", // Temporal's metrics scope
                      "org.slf4j..", // Workflow.getLogger: replay-aware
                      "com.fasterxml.jackson.annotation..")
                  .and(not(resideInAPackage("dev.facet.json.."))))
          .because("workflows sits below activities and worker (README, Architecture)");

  /** Records that travel through history are the base: they know no workflow, step or route. */
  @ArchTest
  static final ArchRule modelIsTheBase =
      noClasses()
          .that()
          .resideInAPackage("dev.facet.model..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.facet.catalog..",
              "dev.facet.shoot..",
              "dev.facet.routing..",
              "dev.facet.steps..",
              "dev.facet.metrics..")
          .because("the history records are what every other package builds on");
}

package dev.facet.catalog;

import dev.facet.model.ImageRef;
import dev.facet.model.ProviderSpend;
import dev.facet.shoot.Decision;
import dev.facet.shoot.DecisionReceipt;
import dev.facet.shoot.ProductShootWorkflow;
import dev.facet.shoot.ShootPolicy;
import dev.facet.shoot.ShootRequest;
import dev.facet.shoot.ShootResult;
import dev.facet.shoot.ShootState;
import dev.facet.shoot.Stage;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A product shoot that takes a while and reports to its catalog like the real one, counting what
 * the catalog tests need to see. Static counters, because the SDK creates workflow instances.
 *
 * <p>Its work is an activity taking real milliseconds, not a timer: the test server stops skipping
 * time in children once their parent continues as new (sdk-java#1540).
 */
public class FakeShoot implements ProductShootWorkflow {

  @ActivityInterface
  public interface Work {
    void work(String sku);
  }

  /** 20 to 180 ms of "work", different per product, plus {@link #extraMillis}. */
  public static final class SleepingWork implements Work {
    static volatile long extraMillis;

    @Override
    public void work(String sku) {
      try {
        Thread.sleep(20 + 20L * Math.abs(sku.hashCode() % 9) + extraMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private final Work work =
      Workflow.newActivityStub(
          Work.class,
          ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());

  /** What every shoot spends but the {@link #free} ones: one $0.25 image, delivered. */
  static final List<ProviderSpend> SPENT = List.of(new ProviderSpend("flux", 1, 0, 0.25, 0));

  static final Map<String, AtomicInteger> starts = new ConcurrentHashMap<>();
  static final AtomicInteger running = new AtomicInteger();
  static final AtomicInteger maxRunning = new AtomicInteger();
  static final Set<String> failing = ConcurrentHashMap.newKeySet();
  static final Set<String> cancelled = ConcurrentHashMap.newKeySet();
  static final AtomicInteger signalsLost = new AtomicInteger();

  /** The style reference each shoot was started with, "none" for none. */
  static final Map<String, String> styleReferences = new ConcurrentHashMap<>();

  /** Shoots that end without telling their catalog. */
  static final Set<String> silent = ConcurrentHashMap.newKeySet();

  /** Shoots that spend nothing, as the studio renderer's. */
  static final Set<String> free = ConcurrentHashMap.newKeySet();

  /** The policy each shoot was started with. */
  static final Map<String, ShootPolicy> policies = new ConcurrentHashMap<>();

  static void reset() {
    SleepingWork.extraMillis = 0;
    starts.clear();
    running.set(0);
    maxRunning.set(0);
    failing.clear();
    cancelled.clear();
    silent.clear();
    signalsLost.set(0);
    styleReferences.clear();
    policies.clear();
    free.clear();
  }

  /** The approved hero image a published fake shoot reports. */
  static ImageRef hero(String sku) {
    return new ImageRef("shoots/shoot-" + sku + "/hero-master.jpg", "00", 1, "image/jpeg", 8, 8);
  }

  @Override
  public ShootResult run(ShootRequest request) {
    String sku = request.product().sku();
    if (!Workflow.isReplaying()) {
      starts.computeIfAbsent(sku, k -> new AtomicInteger()).incrementAndGet();
      maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
      styleReferences.put(
          sku, request.styleReference() == null ? "none" : request.styleReference().key());
      policies.put(sku, request.policy());
    }
    try {
      work.work(sku);
    } catch (CanceledFailure | ActivityFailure e) {
      if (!Workflow.isReplaying()) {
        cancelled.add(sku);
        running.decrementAndGet();
      }
      throw e;
    }
    Stage outcome = failing.contains(sku) ? Stage.FAILED : Stage.PUBLISHED;
    if (!Workflow.isReplaying()) {
      running.decrementAndGet();
    }
    boolean free = FakeShoot.free.contains(sku);
    if (!silent.contains(sku)) {
      try {
        Workflow.newExternalWorkflowStub(
                CatalogWorkflow.class, CatalogWorkflow.workflowId(request.catalogId()))
            .shootUpdate(
                new ShootUpdate(
                    sku,
                    outcome,
                    free ? 0 : 0.25,
                    outcome == Stage.FAILED ? "capture failed: photo too blurry" : null,
                    outcome == Stage.PUBLISHED ? hero(sku) : null,
                    free ? List.of() : SPENT));
      } catch (RuntimeException e) {
        // As the real shoot: the catalog's watch will find this one.
        signalsLost.incrementAndGet();
      }
    }
    return new ShootResult(
        sku, outcome, 1, List.of(), null, free ? 0 : 0.25, null, free ? List.of() : SPENT);
  }

  @Override
  public void decision(Decision decision) {}

  @Override
  public DecisionReceipt decide(Decision decision) {
    throw new UnsupportedOperationException("not used by catalog tests");
  }

  @Override
  public void validateDecide(Decision decision) {}

  @Override
  public ShootState state() {
    throw new UnsupportedOperationException("not used by catalog tests");
  }
}

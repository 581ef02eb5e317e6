package dev.facet.steps;

import dev.facet.model.Charge;
import java.util.ArrayList;
import java.util.List;

/**
 * What a paid generation heartbeats, and attaches to its failure: every charge of the variant so
 * far, across attempts, and the paid request in flight. The next attempt resumes from it without
 * paying twice, and the workflow reads it from the last heartbeat when no attempt is left, so no
 * charge goes missing from the ledger.
 *
 * @param inFlight a request sent and not answered yet; if its attempt dies now, it is maybe billed
 * @param resumeUrl where the last charge's result can still be collected (a BFL task's polling
 *     URL); null when nothing is left to collect
 */
public record GenerationCheckpoint(List<Charge> charges, Charge inFlight, String resumeUrl) {

  public GenerationCheckpoint {
    charges = charges == null ? List.of() : List.copyOf(charges);
  }

  public static final GenerationCheckpoint NONE = new GenerationCheckpoint(List.of(), null, null);

  /** What the next attempt inherits from one whose worker died: see {@link #abandoned}. */
  public GenerationCheckpoint afterCrash() {
    return abandoned(Charge.WORKER_KILLED);
  }

  /**
   * What the next attempt inherits from one that ended without delivering, for {@code why}: the
   * request it had in flight is maybe billed, and a paid answer it held but did not keep (nothing
   * left to collect, as with a synchronous API) is lost.
   */
  public GenerationCheckpoint abandoned(String why) {
    if (inFlight != null) {
      return new GenerationCheckpoint(with(inFlight.maybeBilled(null, why)), null, resumeUrl);
    }
    Charge last = last();
    boolean heldNotKept =
        resumeUrl == null && last != null && !last.delivered() && last.reason() == null;
    return heldNotKept ? new GenerationCheckpoint(withLast(last.lost(why)), null, null) : this;
  }

  public GenerationCheckpoint sending(Charge request) {
    return new GenerationCheckpoint(charges, request, null);
  }

  /**
   * The request in flight ended as {@code settled}; {@code resumeUrl} where to collect its result.
   */
  public GenerationCheckpoint settled(Charge settled, String resumeUrl) {
    return new GenerationCheckpoint(with(settled), null, resumeUrl);
  }

  /** The request in flight was refused or never sent: nothing to pay. */
  public GenerationCheckpoint unsent() {
    return new GenerationCheckpoint(charges, null, resumeUrl);
  }

  /** The last charge will deliver nothing, for {@code why}. */
  public GenerationCheckpoint lost(String why) {
    return new GenerationCheckpoint(withLast(last().lost(why)), null, null);
  }

  /** The last charge delivered the candidate (if there is one: a free generator has none). */
  public GenerationCheckpoint delivered() {
    return charges.isEmpty()
        ? this
        : new GenerationCheckpoint(withLast(last().delivering()), null, null);
  }

  public Charge last() {
    return charges.isEmpty() ? null : charges.get(charges.size() - 1);
  }

  public double costUsd() {
    return charges.stream().mapToDouble(Charge::usd).sum();
  }

  private List<Charge> with(Charge charge) {
    List<Charge> more = new ArrayList<>(charges);
    more.add(charge);
    return more;
  }

  private List<Charge> withLast(Charge charge) {
    List<Charge> changed = new ArrayList<>(charges);
    changed.set(changed.size() - 1, charge);
    return changed;
  }
}

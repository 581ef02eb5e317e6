package dev.facet.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One provider's part of a ledger, summed: what it may charge, and whether that delivered.
 *
 * @param charges requests it may have charged for
 * @param maybeBilled of those, the ones whose answer was lost: only its invoice knows
 * @param deliveredUsd paid for candidates received
 * @param lostUsd paid, or maybe paid, for nothing received
 */
public record ProviderSpend(
    String provider, int charges, int maybeBilled, double deliveredUsd, double lostUsd) {

  public double totalUsd() {
    return deliveredUsd + lostUsd;
  }

  public ProviderSpend plus(ProviderSpend other) {
    return new ProviderSpend(
        provider,
        charges + other.charges,
        maybeBilled + other.maybeBilled,
        deliveredUsd + other.deliveredUsd,
        lostUsd + other.lostUsd);
  }

  /** The ledger summed per provider, in name order. */
  public static List<ProviderSpend> of(Collection<Charge> ledger) {
    Map<String, ProviderSpend> byProvider = new TreeMap<>();
    for (Charge c : ledger) {
      ProviderSpend one =
          new ProviderSpend(
              c.provider(),
              1,
              c.billing() == Charge.Billing.MAYBE_BILLED ? 1 : 0,
              c.delivered() ? c.usd() : 0,
              c.delivered() ? 0 : c.usd());
      byProvider.merge(c.provider(), one, ProviderSpend::plus);
    }
    return List.copyOf(byProvider.values());
  }

  /** Two summaries added provider by provider, in name order. */
  public static List<ProviderSpend> sum(Collection<ProviderSpend> a, Collection<ProviderSpend> b) {
    Map<String, ProviderSpend> byProvider = new TreeMap<>();
    a.forEach(s -> byProvider.merge(s.provider(), s, ProviderSpend::plus));
    b.forEach(s -> byProvider.merge(s.provider(), s, ProviderSpend::plus));
    return List.copyOf(byProvider.values());
  }

  public static double totalUsd(Collection<ProviderSpend> spend) {
    return spend.stream().mapToDouble(ProviderSpend::totalUsd).sum();
  }
}

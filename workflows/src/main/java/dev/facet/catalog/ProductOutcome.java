package dev.facet.catalog;

import dev.facet.model.ChannelImage;
import dev.facet.model.ProviderSpend;
import dev.facet.model.QaReport;
import dev.facet.shoot.Stage;
import java.util.List;

/**
 * One line of a catalog's final report, written by the shoot itself when it ends.
 *
 * @param costUsd what the providers would bill: the shoot's ledger total
 * @param spend the shoot's ledger summed per provider: paid and delivered, paid and lost
 */
public record ProductOutcome(
    String catalogId,
    String sku,
    Stage status,
    int rounds,
    double costUsd,
    List<ChannelImage> finals,
    List<QaReport> qa,
    String failure,
    List<ProviderSpend> spend) {

  public ProductOutcome {
    finals = finals == null ? List.of() : List.copyOf(finals);
    qa = qa == null ? List.of() : List.copyOf(qa);
    spend = spend == null ? List.of() : List.copyOf(spend);
  }

  /** An outcome without a ledger: a free shoot's. */
  public ProductOutcome(
      String catalogId,
      String sku,
      Stage status,
      int rounds,
      double costUsd,
      List<ChannelImage> finals,
      List<QaReport> qa,
      String failure) {
    this(catalogId, sku, status, rounds, costUsd, finals, qa, failure, List.of());
  }
}

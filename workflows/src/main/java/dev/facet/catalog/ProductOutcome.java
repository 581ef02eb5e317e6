package dev.facet.catalog;

import dev.facet.model.ChannelImage;
import dev.facet.model.QaReport;
import dev.facet.shoot.Stage;
import java.util.List;

/** One line of a catalog's final report, written by the shoot itself when it ends. */
public record ProductOutcome(
    String catalogId,
    String sku,
    Stage status,
    int rounds,
    double costUsd,
    List<ChannelImage> finals,
    List<QaReport> qa,
    String failure) {

  public ProductOutcome {
    finals = finals == null ? List.of() : List.copyOf(finals);
    qa = qa == null ? List.of() : List.copyOf(qa);
  }
}

package dev.facet.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.app.catalog.CatalogPlan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostConfirmationTest {

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  @Test
  void aRunUpToTheLimitStartsWithoutAsking() {
    assertThat(CostConfirmation.mayStart(plan(10.0), 10, false, new Terminal(out, false))).isTrue();
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void aRunAboveTheLimitNeedsYesWhenNobodyCanAnswer() {
    assertThat(CostConfirmation.mayStart(plan(12.5), 10, false, new Terminal(out, false)))
        .isFalse();
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains(
            "This run would pay about $12.50 (up to $37.50 if every round is sent back):"
                + " above the $10.00 that needs a yes (facet.run.confirm-above-usd).")
        .contains("Nothing was started: give --yes to start it without asking.");

    assertThat(CostConfirmation.mayStart(plan(12.5), 10, true, new Terminal(out, false))).isTrue();
  }

  @Test
  void onATerminalTheUserDecides() {
    assertThat(CostConfirmation.mayStart(plan(50.0), 10, false, Terminal.answering(out, "y\n")))
        .isTrue();
    assertThat(CostConfirmation.mayStart(plan(50.0), 10, false, Terminal.answering(out, "\n")))
        .isFalse();
    assertThat(CostConfirmation.mayStart(plan(50.0), 10, false, Terminal.answering(out, "")))
        .isFalse();
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("Start it? [y/N] ", "Nothing was started.");
  }

  @Test
  void anUnknownPriceIsAskedAbout() {
    assertThat(CostConfirmation.mayStart(plan(null), 10, false, new Terminal(out, false)))
        .isFalse();
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("an amount Facet cannot estimate");
  }

  @Test
  void aBudgetWithinTheLimitCapsTheRunSoNobodyIsAsked() {
    assertThat(CostConfirmation.mayStart(plan(50.0, 8.0), 10, false, new Terminal(out, false)))
        .isTrue();
    assertThat(CostConfirmation.mayStart(plan(50.0, 20.0), 10, false, new Terminal(out, false)))
        .isFalse();
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("--budget USD caps what it may pay");
  }

  private static CatalogPlan plan(Double usd) {
    return plan(usd, null);
  }

  private static CatalogPlan plan(Double usd, Double budgetUsd) {
    return new CatalogPlan(
        "c",
        1,
        0,
        List.of("hero"),
        1,
        List.of("master"),
        1,
        "auto",
        List.of(),
        usd,
        0,
        3,
        usd == null ? null : usd * 3,
        budgetUsd,
        null,
        1,
        List.of());
  }
}

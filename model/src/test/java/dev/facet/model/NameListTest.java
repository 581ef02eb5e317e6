package dev.facet.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameListTest {

  @Test
  void trimsEveryName() {
    assertThat(NameList.commas(" openai ,flux")).containsExactly("openai", "flux");
  }

  @Test
  void dropsTheEmptyEntriesOfDoubledOrTrailingCommas() {
    assertThat(NameList.commas("etsy,,amazon,")).containsExactly("etsy", "amazon");
    assertThat(NameList.commas(",etsy, ,")).containsExactly("etsy");
  }

  @Test
  void namesNothingWhenNothingIsGiven() {
    assertThat(NameList.commas(null)).isEmpty();
    assertThat(NameList.commas("")).isEmpty();
    assertThat(NameList.commas(" , ")).isEmpty();
  }

  @Test
  void aCellSeparatesBySemicolonsOrCommas() {
    assertThat(NameList.cell("etsy; amazon,shopify;;"))
        .containsExactly("etsy", "amazon", "shopify");
  }

  @Test
  void namesGivenOneByOneFollowTheSameRule() {
    assertThat(NameList.of(List.of(" etsy", "", "a,b"))).containsExactly("etsy", "a,b");
  }

  @Test
  void keepsTheOrderAndTheRepeats() {
    // Repeats are a question for the caller (a provider named twice is refused there).
    assertThat(NameList.commas("flux,openai,flux")).containsExactly("flux", "openai", "flux");
  }
}

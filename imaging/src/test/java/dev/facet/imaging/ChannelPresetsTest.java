package dev.facet.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelPresetsTest {

  @TempDir Path dir;

  @Test
  void builtInPresetsCarryTheMarketplaceRules() {
    ChannelPresets presets = ChannelPresets.builtIn();
    assertThat(presets.names())
        .containsExactlyInAnyOrder(
            "amazon-main",
            "amazon-secondary",
            "etsy",
            "shopify",
            "ebay",
            "google-merchant",
            "walmart",
            "master");
    ChannelPreset amazon = presets.get("amazon-main");
    assertThat(amazon.background()).isEqualTo(0xFFFFFF);
    assertThat(amazon.minFill()).isEqualTo(0.85);
    assertThat(amazon.minLongSide()).isEqualTo(1600);
    assertThat(amazon.format()).isEqualTo(ImageFormat.JPEG);
    assertThat(amazon.rule(QaCheckName.TEXT)).isEqualTo(QaRule.BLOCK);
    assertThat(presets.get("shopify").width()).isEqualTo(2048);
    assertThat(presets.get("walmart").height()).isEqualTo(2200);
    assertThat(presets.get("google-merchant").format()).isEqualTo(ImageFormat.WEBP);
    assertThat(presets.get("google-merchant").extension()).isEqualTo("webp");
    assertThat(presets.get("amazon-secondary").rule(QaCheckName.BACKGROUND)).isEqualTo(QaRule.WARN);
    assertThat(presets.get("master").sharpenAmount()).isEqualTo(0.4);
  }

  @Test
  void aUserFileChangesPresetsFieldByFieldAndAddsNewOnes() throws Exception {
    Path user =
        write(
            """
        {
          "presets": {
            "amazon-main": { "quality": 0.85, "fill": { "target": 0.9 } },
            "my-shop": { "extends": "shopify", "width": 1200, "height": 900, "qa": { "text": "off" } }
          }
        }""");
    ChannelPresets presets = ChannelPresets.withUserFile(user);
    ChannelPreset amazon = presets.get("amazon-main");
    assertThat(amazon.quality()).isEqualTo(0.85f);
    assertThat(amazon.targetFill()).isEqualTo(0.9);
    assertThat(amazon.minFill()).as("untouched sibling field").isEqualTo(0.85);
    assertThat(amazon.width()).isEqualTo(2000);
    ChannelPreset mine = presets.get("my-shop");
    assertThat(mine.width()).isEqualTo(1200);
    assertThat(mine.aspect()).isEqualTo(4.0 / 3);
    assertThat(mine.minLongSide()).as("from shopify").isEqualTo(800);
    assertThat(mine.rule(QaCheckName.TEXT)).isEqualTo(QaRule.OFF);
    assertThat(mine.rule(QaCheckName.BACKGROUND)).as("shopify's rule kept").isEqualTo(QaRule.WARN);
    assertThat(presets.names()).hasSize(9);
  }

  @Test
  void withoutAUserFileTheBuiltInPresetsServe() throws Exception {
    Path user =
        write(
            "{\"presets\": {\"tiny\": {\"extends\": \"ebay\", \"width\": 600, \"height\": 600}}}");
    assertThat(ChannelPresets.of(Optional.of(user)).find("tiny")).isPresent();
    assertThat(ChannelPresets.of(Optional.empty()).names())
        .isEqualTo(ChannelPresets.builtIn().names());
  }

  @Test
  void mistakesAreNamedWithFilePresetAndField() throws Exception {
    assertError(
        "{\"presets\": {\"etsy\": {\"qualty\": 0.9}}}",
        "preset \"etsy\": unknown field \"qualty\"",
        "quality");
    assertError(
        "{\"presets\": {\"etsy\": {\"quality\": 1.5}}}",
        "preset \"etsy\": quality must be a number from 0.05 to 1.0, was 1.5");
    assertError(
        "{\"presets\": {\"etsy\": {\"background\": \"white\"}}}",
        "background must be a colour as \"#rrggbb\"");
    assertError(
        "{\"presets\": {\"etsy\": {\"fill\": {\"min\": 0.9}}}}",
        "fill.min (0.9) must not exceed fill.target (0.8)");
    assertError(
        "{\"presets\": {\"etsy\": {\"fill\": {\"goal\": 0.9}}}}",
        "preset \"etsy\" fill: unknown field \"goal\"");
    assertError(
        "{\"presets\": {\"etsy\": {\"format\": \"png\"}}}",
        "format must be \"jpeg\" or \"webp\", was \"png\"");
    assertError(
        "{\"presets\": {\"etsy\": {\"qa\": {\"colour\": \"warn\"}}}}",
        "unknown check \"colour\"",
        "metal-tone");
    assertError(
        "{\"presets\": {\"etsy\": {\"qa\": {\"text\": \"maybe\"}}}}",
        "qa.text must be \"block\", \"warn\" or \"off\"");
    assertError(
        "{\"presets\": {\"new\": {\"extends\": \"etsi\"}}}",
        "preset \"new\" extends \"etsi\", which is not a preset");
    assertError(
        "{\"presets\": {\"new\": {\"fill\": {\"target\": 0.8, \"min\": 0.5}}}}",
        "preset \"new\": width is missing");
    assertError("{\"presets\": {\"Big Shop\": {}}}", "preset name \"Big Shop\" must be");
    assertError(
        "{\"presets\": {\"etsy\": {\"width\": 20000}}}",
        "width must be a whole number from 1 to 10000, was 20000");
    assertError("{\"presets\": {\"etsy\": {\"width\": 1000,}}}", "not valid JSON", "line 1");
    assertError(
        "{\"presets\": {\"a\": {\"extends\": \"b\"}, \"b\": {\"extends\": \"a\"}}}",
        "extends itself");
    assertThatThrownBy(() -> ChannelPresets.withUserFile(dir.resolve("missing.json")))
        .isInstanceOf(ChannelPresetException.class)
        .hasMessageContaining("missing.json")
        .hasMessageContaining("cannot be read");
  }

  private void assertError(String json, String... words) throws Exception {
    Path user = write(json);
    assertThatThrownBy(() -> ChannelPresets.withUserFile(user))
        .isInstanceOf(ChannelPresetException.class)
        .hasMessageStartingWith("channel presets (")
        .hasMessageContaining(user.toString())
        .hasMessageContainingAll(words);
  }

  private Path write(String json) throws Exception {
    Path file = Files.createTempFile(dir, "presets", ".json");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }
}

package dev.facet.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QaThresholdsTest {

  @TempDir Path dir;

  @Test
  void theBuiltInFileSetsEveryThreshold() {
    QaThresholds t = QaThresholds.defaults();
    assertThat(t.metalToneMax()).isEqualTo(3.0);
    assertThat(t.silhouetteMin()).isEqualTo(0.88);
    assertThat(t.backgroundPurityMin()).isEqualTo(0.995);
    assertThat(t.blockinessMax()).isEqualTo(1.3);
  }

  @Test
  void aUserFileChangesOnlyWhatItNames() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("qa.json"), "{\"metalToneMax\": 2.0, \"textMax\": {\"value\": 1}}");
    QaThresholds t = QaThresholds.of(Optional.of(file));
    assertThat(t.metalToneMax()).isEqualTo(2.0);
    assertThat(t.textMax()).isEqualTo(1.0);
    assertThat(t)
        .usingRecursiveComparison()
        .ignoringFields("metalToneMax", "textMax")
        .isEqualTo(QaThresholds.defaults());
  }

  @Test
  void mistakesAreNamed() throws Exception {
    Path typo = Files.writeString(dir.resolve("typo.json"), "{\"metalTone\": 2.0}");
    assertThatThrownBy(() -> QaThresholds.withUserFile(typo))
        .hasMessageContaining("unknown setting \"metalTone\"")
        .hasMessageContaining("metalToneMax");
    Path text = Files.writeString(dir.resolve("text.json"), "{\"textMax\": \"low\"}");
    assertThatThrownBy(() -> QaThresholds.withUserFile(text))
        .hasMessageContaining("textMax must be a number");
  }
}

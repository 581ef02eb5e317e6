package dev.facet.activities;

import static org.assertj.core.api.Assertions.assertThat;

import dev.facet.model.Reference;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AngleSourceTest {

  private static Reference ref(int index, String angle) {
    return new Reference(index, angle, null, null, null, null, 0, null, 0, List.of());
  }

  private final List<Reference> references =
      List.of(ref(0, "side"), ref(1, "front"), ref(2, "top"), ref(3, "Front"));

  @Test
  void variantsRotateThroughTheMatchingAngleFirstThenTheOthers() {
    List<Integer> sources =
        IntStream.range(0, 6)
            .mapToObj(v -> AngleSource.pick(references, "front", v).index())
            .toList();
    assertThat(sources).containsExactly(1, 3, 0, 2, 1, 3);
  }

  @Test
  void withoutAMatchingAngleEveryReferenceTakesItsTurn() {
    List<Integer> sources =
        IntStream.range(0, 4)
            .mapToObj(v -> AngleSource.pick(references, "macro", v).index())
            .toList();
    assertThat(sources).containsExactly(0, 1, 2, 3);
  }
}

package dev.facet.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged {@code facet.jar} (the Spring Boot fat jar, built in {@code package}, hence an
 * integration test) carries no test kit: no devkit, fake or testing class, neither in Facet's own
 * classes nor in the Facet jars nested under {@code BOOT-INF/lib}, and no devkit or test jar.
 */
class ProductionJarIT {

  private static final Pattern TEST_KIT =
      Pattern.compile(".*dev/facet/(.+/)?(devkit|fake|testing)/.*|.*facet-devkit.*|.*-tests\\.jar");

  @Test
  void theProductCarriesNoTestKit() throws IOException {
    Path jar = Path.of(System.getProperty("facet.jar", "target/facet.jar"));
    List<String> entries = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      // Files only: a directory holds no code (and an empty one may linger in target/classes).
      for (JarEntry entry : file.stream().filter(entry -> !entry.isDirectory()).toList()) {
        entries.add(entry.getName());
        if (entry.getName().matches("BOOT-INF/lib/facet-.*\\.jar")) {
          try (InputStream nested = file.getInputStream(entry)) {
            entries.addAll(nestedEntries(entry.getName(), nested));
          }
        }
      }
    }

    assertThat(entries)
        .as("a sanity check: the jar and its Facet modules were read")
        .anyMatch(name -> name.endsWith("dev/facet/FacetApplication.class"))
        .anyMatch(name -> name.endsWith("dev/facet/providers/OpenAiGenerator.class"));
    assertThat(entries).noneMatch(TEST_KIT.asMatchPredicate());
    assertThat(entries).noneMatch(isFakeClass());
  }

  private static Predicate<String> isFakeClass() {
    return name -> name.matches(".*/Fake[A-Z][^/]*\\.class");
  }

  private static List<String> nestedEntries(String jarName, InputStream in) throws IOException {
    List<String> names = new ArrayList<>();
    try (JarInputStream nested = new JarInputStream(in)) {
      for (JarEntry entry; (entry = nested.getNextJarEntry()) != null; ) {
        if (!entry.isDirectory()) {
          names.add(jarName + "!/" + entry.getName());
        }
      }
    }
    return names;
  }
}

package dev.facet;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by every part of the application.
 *
 * @param data the folder holding local state: the embedded object store, the dev server's database
 *     and the log of a {@code run}
 * @param channelPresets a JSON file of channel presets merged over the built-in ones; none by
 *     default (README, "Automated QA and channel presets")
 * @param qaThresholds a JSON file setting some of the QA thresholds; none by default (same section)
 */
@ConfigurationProperties("facet")
public record FacetProperties(
    @DefaultValue("./data") Path data, Path channelPresets, Path qaThresholds) {}

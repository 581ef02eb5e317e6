package dev.facet.app.run;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code run}.
 *
 * @param confirmAboveUsd a run whose plan is estimated above this asks before it starts, or needs
 *     {@code --yes} when nobody can answer
 */
@ConfigurationProperties("facet.run")
public record RunProperties(@DefaultValue("10") double confirmAboveUsd) {}

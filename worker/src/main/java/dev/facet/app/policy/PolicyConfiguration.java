package dev.facet.app.policy;

import dev.facet.FacetProperties;
import dev.facet.app.providers.ServedProviders;
import dev.facet.imaging.ChannelPresets;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The channel presets of this process (the workers finish images with them), their names, and the
 * policy checks every start goes through.
 */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

  /** The built-in presets with the user's file merged over them; a broken file stops the start. */
  @Bean
  ChannelPresets channelPresets(FacetProperties facet) {
    return ChannelPresets.of(Optional.ofNullable(facet.channelPresets()));
  }

  @Bean
  ChannelNames channelNames(ChannelPresets presets) {
    return ChannelNames.of(presets);
  }

  @Bean
  ShootPolicies shootPolicies(ChannelNames channels, ServedProviders served) {
    return new ShootPolicies(channels, served);
  }
}

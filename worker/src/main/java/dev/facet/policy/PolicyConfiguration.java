package dev.facet.policy;

import dev.facet.FacetProperties;
import dev.facet.generators.ServedProviders;
import dev.facet.imaging.ChannelPresets;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The channel names and policy checks every start goes through, with the user's presets file. */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

  @Bean
  ChannelNames channelNames(FacetProperties facet) {
    return ChannelNames.of(ChannelPresets.of(Optional.ofNullable(facet.channelPresets())));
  }

  @Bean
  ShootPolicies shootPolicies(ChannelNames channels, ServedProviders served) {
    return new ShootPolicies(channels, served);
  }
}

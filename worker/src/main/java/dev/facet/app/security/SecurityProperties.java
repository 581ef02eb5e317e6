package dev.facet.app.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Who may use the API, and how much a JSON body may weigh.
 *
 * @param keys the API keys, hashed; with none, Facet makes a local admin key (see {@link
 *     LocalAdminKey})
 * @param maxJsonBody largest accepted JSON request body
 */
@ConfigurationProperties("facet.security")
public record SecurityProperties(
    @DefaultValue List<ApiKeyGrant> keys, @DefaultValue("256KB") DataSize maxJsonBody) {}

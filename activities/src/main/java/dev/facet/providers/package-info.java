/**
 * The paid image providers: OpenAI GPT Image ({@link dev.facet.providers.openai}) and Black Forest
 * Labs FLUX ({@link dev.facet.providers.flux}), each behind a {@code GenerationActivities}
 * implementation ({@link dev.facet.providers.OpenAiGenerator}, {@link
 * dev.facet.providers.FluxGenerator}).
 *
 * <p>Three rules hold everywhere here. A provider failure is classified once, by {@link
 * dev.facet.providers.ProviderErrors}, and turned into the activity's failure once, by {@link
 * dev.facet.providers.ProviderException#toApplicationFailure}; retries are Temporal's, never the
 * HTTP client's, because every retried generation is paid again. A candidate is looked up under its
 * deterministic key before anything is paid for. API keys live in {@link
 * dev.facet.providers.ApiKey}, which never prints them.
 *
 * <p>The contract both clients and the fake (the devkit module) follow is {@code
 * docs/providers.md}, each row with its source: OpenAI's Images API reference
 * (https://platform.openai.com/docs/api-reference/images) and BFL's API reference
 * (https://docs.bfl.ai, https://api.bfl.ai/openapi.json).
 */
package dev.facet.providers;

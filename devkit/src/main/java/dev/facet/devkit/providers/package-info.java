/**
 * A local stand-in for both paid image APIs, for tests and offline runs: {@link
 * dev.facet.devkit.providers.FakeProviderServer}. It follows the providers' published contracts,
 * errors included, and counts what a real provider would have billed, so tests can prove a retry
 * did not pay twice. Points {@code docs/providers.md} marks UNVERIFIED are knobs, with a stated
 * default.
 */
package dev.facet.devkit.providers;

package dev.facet.app.security;

/**
 * One API key as configured: never the key itself, only its SHA-256.
 *
 * @param name who holds it; decisions made with it are recorded under this name
 * @param sha256 lowercase hex SHA-256 of the key, as {@code ./facet key} prints it
 */
public record ApiKeyGrant(String name, Role role, String sha256) {}

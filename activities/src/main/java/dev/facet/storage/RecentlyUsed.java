package dev.facet.storage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small cache of what was read from the store: a map that, past {@code capacity} entries, forgets
 * the one least recently used. Not thread-safe: its users lock around it.
 */
public final class RecentlyUsed<K, V> extends LinkedHashMap<K, V> {

  private final int capacity;

  public RecentlyUsed(int capacity) {
    super(capacity, 0.75f, true);
    this.capacity = capacity;
  }

  @Override
  protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
    return size() > capacity;
  }
}

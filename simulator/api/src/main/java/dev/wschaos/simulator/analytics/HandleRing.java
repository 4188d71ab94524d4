package dev.wschaos.simulator.analytics;

import java.util.Arrays;

/**
 * The attempts an {@link AttemptRecorder} holds, by handle: handles are handed out in order and forgotten oldest
 * first, so the held ones are always a run {@code first .. first + size - 1} and a ring indexed by handle finds them
 * without a boxed key or a map entry per attempt. Grows up to {@code capacity}; not thread-safe (the recorder locks).
 *
 * <pre>{@code
 * HandleRing<String> ring = new HandleRing<>(2);
 * ring.add(1, "a"); ring.add(2, "b");
 * ring.add(3, "c");   // true: "a" was forgotten
 * ring.get(1);        // null
 * }</pre>
 */
final class HandleRing<T> {

  private final int capacity;
  private Object[] slots;
  private long first = 1;
  private int size;

  HandleRing(int capacity) {
    this.capacity = capacity;
    this.slots = new Object[Math.min(16, capacity)];
  }

  /** Hold {@code value} under {@code handle}, one more than the last handle added; true if the oldest was forgotten. */
  boolean add(long handle, T value) {
    boolean forgot = false;
    if (size == slots.length) {
      if (slots.length < capacity) {
        grow((int) Math.min(capacity, 2L * slots.length));
      } else {
        slots[slot(first)] = null;
        first++;
        size--;
        forgot = true;
      }
    }
    if (size == 0) {
      first = handle;
    }
    slots[slot(handle)] = value;
    size++;
    return forgot;
  }

  /** The value held under {@code handle}, or null when it was never added or is forgotten. */
  @SuppressWarnings("unchecked")
  T get(long handle) {
    return handle < first || handle >= first + size ? null : (T) slots[slot(handle)];
  }

  /** The {@code i}-th held value, oldest first. */
  @SuppressWarnings("unchecked")
  T at(int i) {
    return (T) slots[slot(first + i)];
  }

  int size() {
    return size;
  }

  void clear() {
    Arrays.fill(slots, null);
    size = 0;
  }

  private void grow(int length) {
    Object[] grown = new Object[length];
    for (long h = first; h < first + size; h++) {
      grown[(int) (h % length)] = slots[slot(h)];
    }
    slots = grown;
  }

  private int slot(long handle) {
    return (int) (handle % slots.length);
  }
}

package dev.wschaos.scenarios.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How an exponential delay {@code d} is spread (AWS Architecture Blog, "Exponential Backoff And Jitter"):
 * {@code none}: d; {@code full}: random(0, d); {@code equal}: d/2 + random(0, d/2);
 * {@code decorrelated}: min(cap, random(base, 3 * previous)).
 */
public enum Jitter {
  NONE, FULL, EQUAL, DECORRELATED;

  @JsonCreator
  public static Jitter parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown jitter '" + text + "': use none, full, equal or decorrelated");
    }
  }

  @JsonValue
  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }
}

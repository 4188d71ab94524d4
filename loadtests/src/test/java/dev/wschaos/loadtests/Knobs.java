package dev.wschaos.loadtests;

import dev.wschaos.simulator.common.DurationText;
import java.time.Duration;

/** System-property knobs with defaults: {@code -Dusers=1000 -Dramp=30s ...} (see docs/load-tests.md). */
final class Knobs {

  private Knobs() {}

  static String text(String name, String fallback) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  static int integer(String name, int fallback) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-D" + name + "=" + value + " is not a whole number");
    }
  }

  static Duration duration(String name, Duration fallback) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return DurationText.parse(value.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("-D" + name + "=" + value + ": " + e.getMessage());
    }
  }
}

package dev.wschaos.simulator.json;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them: {@code 250ms}, {@code 2s}, {@code 1.5s}, {@code 5m}, {@code 1h}, or ISO-8601
 * ({@code PT2S}). A bare number is refused: the unit is never guessed. The one way wschaos writes a duration, in
 * plans, journal events, reports and admin bodies.
 *
 * <pre>{@code
 * Duration d = Durations.parse("1.5s");   // PT1.5S
 * String text = Durations.format(d);      // "1500ms"
 * }</pre>
 */
public final class Durations {

  private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

  private Durations() {}

  public static Duration parse(String text) {
    String trimmed = text.trim().toLowerCase(Locale.ROOT);
    Matcher m = SIMPLE.matcher(trimmed);
    if (m.matches()) {
      double amount = Double.parseDouble(m.group(1));
      double millis = switch (m.group(2)) {
        case "ms" -> amount;
        case "s" -> amount * 1_000;
        case "m" -> amount * 60_000;
        default -> amount * 3_600_000;
      };
      return Duration.ofNanos(Math.round(millis * 1_000_000));
    }
    if (trimmed.startsWith("p")) {
      try {
        return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
      } catch (RuntimeException e) {
        // fall through to the common message
      }
    }
    throw new IllegalArgumentException("'" + text + "' is not a duration: write e.g. 250ms, 2s, 1.5s, 5m, 1h or PT2S");
  }

  /**
   * The shortest exact form at millisecond precision: {@code 250ms}, {@code 2s}, {@code 5m}; a negative duration in
   * ISO-8601 ({@code PT-1S}), the one form {@link #parse} reads back, so that validation can name it.
   */
  public static String format(Duration duration) {
    if (duration.isNegative()) {
      return duration.toString();
    }
    long millis = duration.toMillis();
    if (millis % 3_600_000 == 0 && millis != 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0 && millis != 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1_000 == 0) {
      return millis / 1_000 + "s";
    }
    return millis + "ms";
  }
}

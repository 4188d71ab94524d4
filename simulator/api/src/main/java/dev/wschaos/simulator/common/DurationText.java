package dev.wschaos.simulator.common;

import dev.wschaos.simulator.json.Durations;
import java.time.Duration;

/**
 * Durations as people write them in plans: {@code 250ms}, {@code 2s}, {@code 1.5s}, {@code 5m}, {@code 1h}, or
 * ISO-8601 ({@code PT2S}). A bare number is refused: the unit is never guessed. Same as {@link Durations}, the form
 * every JSON and YAML wschaos writes uses.
 */
public final class DurationText {

  private DurationText() {}

  public static Duration parse(String text) {
    return Durations.parse(text);
  }

  /** The shortest exact form: {@code 250ms}, {@code 2s}, {@code 5m}. */
  public static String format(Duration duration) {
    return Durations.format(duration);
  }
}

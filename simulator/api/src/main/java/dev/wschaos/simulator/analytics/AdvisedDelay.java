package dev.wschaos.simulator.analytics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the delay a close reason advises, by the convention the built-in plans use: {@code retry-after=N} seconds
 * somewhere in the reason (case-insensitive, fractions allowed).
 *
 * <pre>{@code
 * AdvisedDelay.millis("try again later; retry-after=2")   // 2000
 * AdvisedDelay.millis("bye")                             // null
 * }</pre>
 */
public final class AdvisedDelay {

  private static final Pattern RETRY_AFTER =
      Pattern.compile("retry[-_ ]?after\\s*[=:]\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s)?", Pattern.CASE_INSENSITIVE);

  private AdvisedDelay() {}

  /** The advised delay in milliseconds, or {@code null} when the reason advises none. */
  public static Long millis(String reason) {
    if (reason == null) {
      return null;
    }
    Matcher m = RETRY_AFTER.matcher(reason);
    if (!m.find()) {
      return null;
    }
    double value = Double.parseDouble(m.group(1));
    boolean millis = "ms".equalsIgnoreCase(m.group(2));
    return Math.round(millis ? value : value * 1000);
  }

  /** The delay an HTTP {@code Retry-After} header value asks for, in seconds (delta-seconds form only). */
  public static Integer retryAfterSeconds(String headerValue) {
    if (headerValue == null) {
      return null;
    }
    try {
      int seconds = Integer.parseInt(headerValue.trim());
      return seconds < 0 ? null : seconds;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}

package dev.wschaos.loadtests;

/**
 * The instant every injector starts the run at ({@code -DstartAt=EPOCH_MILLIS}), so that several injector processes
 * ramp, act and end in step. Required with more than one injector.
 *
 * <pre>{@code
 * long at = StartAt.parse(System.getProperty("startAt"), InjectorShare.parse("2/3"), System.currentTimeMillis());
 * }</pre>
 */
final class StartAt {

  /** How far in the past a start may be (the processes were started a little late) before it is refused. */
  static final long LATE_TOLERANCE_MILLIS = 5_000;

  private StartAt() {}

  /** Epoch milliseconds, or 0 for "now" when one injector runs without it. */
  static long parse(String text, InjectorShare injector, long nowMillis) {
    if (text == null || text.isBlank()) {
      if (!injector.single()) {
        throw new IllegalArgumentException("-Dinjector=" + injector.index() + "/" + injector.count()
            + " needs -DstartAt=EPOCH_MILLIS, the same for every injector, e.g. -DstartAt=$(( $(date +%s%3N) + 30000 ))"
            + " (30 s from now)");
      }
      return 0;
    }
    long at;
    try {
      at = Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-DstartAt=" + text + " is not epoch milliseconds (e.g. " + nowMillis + ")");
    }
    if (at < nowMillis - LATE_TOLERANCE_MILLIS) {
      throw new IllegalArgumentException(String.format("-DstartAt=%d is %.1f s in the past (now %d; at most %d s "
          + "late is accepted): give every injector a start a little ahead", at, (nowMillis - at) / 1000.0, nowMillis,
          LATE_TOLERANCE_MILLIS / 1000));
    }
    return at;
  }
}

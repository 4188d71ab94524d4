package dev.wschaos.scenarios.client;

import dev.wschaos.scenarios.policy.Disconnect;
import dev.wschaos.simulator.common.CloseNotice;

/**
 * Reads the simulator's opt-in close notice, {@code {"wschaos":"close","code":1012,...,"retryAfterMs":2000}}, sent
 * just before a close frame to clients that connect with {@code wschaosNotice=1} (Gatling cannot see close codes).
 * Parsed as JSON ({@link CloseNotice#parse}), whatever the order of its keys.
 */
public final class CloseNotices {

  /** The query parameter to add to the connect URL. */
  public static final String PARAM = CloseNotice.PARAM + "=1";

  private CloseNotices() {}

  /** The disconnect a notice announces, or null when {@code text} is not a notice. */
  public static Disconnect parse(String text) {
    CloseNotice notice = CloseNotice.parse(text);
    return notice == null ? null : Disconnect.closed(notice.code(), notice.retryAfterMs());
  }
}

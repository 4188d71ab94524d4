package dev.wschaos.scenarios.client;

import dev.wschaos.scenarios.policy.Disconnect;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the simulator's opt-in close notice, {@code {"wschaos":"close","code":1012,...,"retryAfterMs":2000}}, sent
 * just before a close frame to clients that connect with {@code wschaosNotice=1} (Gatling cannot see close codes).
 */
public final class CloseNotices {

  /** The query parameter to add to the connect URL. */
  public static final String PARAM = "wschaosNotice=1";

  private static final Pattern NOTICE = Pattern.compile("^\\{\"wschaos\":\"close\",\"code\":(\\d+)");
  private static final Pattern ADVISED = Pattern.compile("\"retryAfterMs\":(\\d+)");

  private CloseNotices() {}

  /** The disconnect a notice announces, or null when {@code text} is not a notice. */
  public static Disconnect parse(String text) {
    if (text == null || !text.startsWith("{\"wschaos\"")) {
      return null;
    }
    Matcher code = NOTICE.matcher(text);
    if (!code.find()) {
      return null;
    }
    Matcher advised = ADVISED.matcher(text);
    return Disconnect.closed(Integer.parseInt(code.group(1)), advised.find() ? Long.parseLong(advised.group(1)) : null);
  }
}

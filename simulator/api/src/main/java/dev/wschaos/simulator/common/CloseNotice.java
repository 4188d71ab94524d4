package dev.wschaos.simulator.common;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The opt-in close notice: a client that connects with {@code ?wschaosNotice=1} receives, just before every close
 * frame the simulator sends it, a text message naming the code, the reason and the advised delay:
 *
 * <pre>{@code
 * {"wschaos":"close","code":1012,"reason":"service restart; retry-after=2","retryAfterMs":2000}
 * }</pre>
 *
 * It exists for clients that cannot read close codes (Gatling's WebSocket client hides them). {@code retryAfterMs}
 * is present when the reason carries {@code retry-after=N} (seconds). Drops and resets send no close frame, so no
 * notice: the client sees the connection vanish, as a real client would.
 */
public final class CloseNotice {

  /** The query parameter that asks for notices; value {@code 1} or {@code true}. */
  public static final String PARAM = "wschaosNotice";

  private static final Pattern RETRY_AFTER = Pattern.compile("retry-after\\s*=\\s*(\\d+(?:\\.\\d+)?)",
      Pattern.CASE_INSENSITIVE);

  private CloseNotice() {}

  /** Whether a connection opened with this query parameter value asked for notices. */
  public static boolean requested(String paramValue) {
    return paramValue != null && (paramValue.equals("1") || paramValue.equalsIgnoreCase("true"));
  }

  /** The notice text for a close with this code and reason. */
  public static String text(int code, String reason) {
    String safeReason = reason == null ? "" : reason;
    StringBuilder json = new StringBuilder(96).append("{\"wschaos\":\"close\",\"code\":").append(code)
        .append(",\"reason\":\"");
    for (char c : safeReason.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
    Long advised = retryAfterMillis(safeReason);
    if (advised != null) {
      json.append(",\"retryAfterMs\":").append(advised);
    }
    return json.append('}').toString();
  }

  /** The delay advised by {@code retry-after=N} (seconds) in a close reason, in milliseconds; null when absent. */
  public static Long retryAfterMillis(String reason) {
    if (reason == null) {
      return null;
    }
    Matcher m = RETRY_AFTER.matcher(reason);
    return m.find() ? Math.round(Double.parseDouble(m.group(1)) * 1000) : null;
  }
}

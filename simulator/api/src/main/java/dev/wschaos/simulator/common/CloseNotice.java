package dev.wschaos.simulator.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import dev.wschaos.simulator.json.Json;
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
 * notice: the client sees the connection vanish, as a real client would. Written and read with {@link Json}: readers
 * must not depend on the order of the keys.
 *
 * <pre>{@code
 * String text = CloseNotice.text(1012, "restart; retry-after=2");
 * CloseNotice notice = CloseNotice.parse(text);   // code 1012, retryAfterMs 2000; null for any other message
 * }</pre>
 *
 * @param wschaos always {@code close}
 * @param code the close code of the frame that follows
 * @param reason its reason, {@code ""} when none
 * @param retryAfterMs the delay advised in the reason, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"wschaos", "code", "reason", "retryAfterMs"})
public record CloseNotice(String wschaos, int code, String reason, Long retryAfterMs) {

  /** The query parameter that asks for notices; value {@code 1} or {@code true}. */
  public static final String PARAM = "wschaosNotice";

  private static final String KIND = "close";
  private static final Pattern RETRY_AFTER = Pattern.compile("retry-after\\s*=\\s*(\\d+(?:\\.\\d+)?)",
      Pattern.CASE_INSENSITIVE);

  /** Whether a connection opened with this query parameter value asked for notices. */
  public static boolean requested(String paramValue) {
    return paramValue != null && (paramValue.equals("1") || paramValue.equalsIgnoreCase("true"));
  }

  /** The notice for a close with this code and reason. */
  public static CloseNotice of(int code, String reason) {
    String safeReason = reason == null ? "" : reason;
    return new CloseNotice(KIND, code, safeReason, retryAfterMillis(safeReason));
  }

  /** The notice text for a close with this code and reason. */
  public static String text(int code, String reason) {
    return Json.write(of(code, reason));
  }

  /** The notice in a text message, whatever the order of its keys; null when the message is not a close notice. */
  public static CloseNotice parse(String text) {
    if (text == null || text.isEmpty() || text.charAt(0) != '{' || !text.contains("\"wschaos\"")) {
      return null;
    }
    JsonNode node = Json.tree(text);
    if (node == null || !KIND.equals(node.path("wschaos").asText(null)) || !node.path("code").canConvertToInt()) {
      return null;
    }
    JsonNode advised = node.path("retryAfterMs");
    return new CloseNotice(KIND, node.path("code").asInt(), node.path("reason").asText(""),
        advised.isNumber() ? advised.asLong() : null);
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

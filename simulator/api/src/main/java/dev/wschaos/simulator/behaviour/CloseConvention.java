package dev.wschaos.simulator.behaviour;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a protocol's close codes tell a client to do: never come back ({@code terminal}), come back after backing off
 * at least {@code backOffAtLeast} ({@code backOff}), or come back at once ({@code reconnectNow}). Codes are inclusive
 * ranges {@code {from, to}}. A conversation names its convention ({@code closeCodes: graphql-ws}) and reconnect
 * analytics judge its clients by it; see docs/reconnect-analytics.md for each preset's source.
 *
 * <pre>{@code
 * CloseConvention graphql = CloseConvention.preset("graphql-ws");
 * graphql.isTerminal(4401);   // true: Unauthorized
 * graphql.isTerminal(4403);   // false: the reference client retries Forbidden ("might grant access after retry")
 * }</pre>
 *
 * @param name the preset's name
 * @param source where the convention is written down
 * @param terminal codes after which a client must not reconnect
 * @param backOff codes after which a client should reconnect only after backing off
 * @param backOffAtLeast the shortest acceptable delay after a {@code backOff} code
 * @param reconnectNow codes after which a client may reconnect at once
 */
public record CloseConvention(String name, String source, List<int[]> terminal, List<int[]> backOff,
                              Duration backOffAtLeast, List<int[]> reconnectNow) {

  private static final Map<String, CloseConvention> PRESETS = new LinkedHashMap<>();

  static {
    add(new CloseConvention("graphql-ws",
        "graphql-ws PROTOCOL.md and its reference client (src/client.ts, shouldRetryConnectOrThrow): 4004 Bad "
            + "response, 4005 Internal client error, 4400 Bad request, 4401 Unauthorized, 4406 Subprotocol not "
            + "acceptable, 4409 Subscriber already exists, 4429 Too many initialisation requests, 4500 Internal "
            + "server error are fatal; 4403 Forbidden (\"might grant access after retry\"), 4408 and 4504 "
            + "(timeouts), 4499 (terminated) are retried",
        List.of(r(4004, 4005), r(4400, 4401), r(4406, 4406), r(4409, 4409), r(4429, 4429), r(4500, 4500)),
        List.of(), null, List.of(r(4403, 4403), r(4408, 4408), r(4499, 4499), r(4504, 4504))));
    add(new CloseConvention("pusher",
        "Pusher Channels WebSocket protocol, error codes: 4000-4099 do not reconnect, 4100-4199 reconnect after "
            + "backing off at least 1 s, 4200-4299 reconnect immediately",
        List.of(r(4000, 4099)), List.of(r(4100, 4199)), Duration.ofSeconds(1), List.of(r(4200, 4299))));
    add(new CloseConvention("stomp",
        "STOMP 1.2 defines no WebSocket close codes: a broker refuses with an ERROR frame and closes the connection, "
            + "so only the standard terminal codes (1002, 1003, 1007-1010) apply",
        List.of(), List.of(), null, List.of()));
  }

  public CloseConvention {
    terminal = List.copyOf(terminal);
    backOff = List.copyOf(backOff);
    reconnectNow = List.copyOf(reconnectNow);
  }

  /** The preset called {@code name}, e.g. {@code graphql-ws}, {@code pusher}, {@code stomp}. */
  public static CloseConvention preset(String name) {
    CloseConvention c = name == null ? null : PRESETS.get(name.trim());
    if (c == null) {
      throw new IllegalArgumentException("no close-code convention '" + name + "'; presets: " + String.join(", ",
          names()));
    }
    return c;
  }

  /** The preset names, e.g. for error messages and {@code --help}. */
  public static Set<String> names() {
    return PRESETS.keySet();
  }

  public boolean isTerminal(int code) {
    return in(terminal, code);
  }

  public boolean isBackOff(int code) {
    return in(backOff, code);
  }

  public boolean isReconnectNow(int code) {
    return in(reconnectNow, code);
  }

  private static boolean in(List<int[]> ranges, int code) {
    for (int[] r : ranges) {
      if (code >= r[0] && code <= r[1]) {
        return true;
      }
    }
    return false;
  }

  private static int[] r(int from, int to) {
    return new int[] {from, to};
  }

  private static void add(CloseConvention c) {
    PRESETS.put(c.name(), c);
  }
}

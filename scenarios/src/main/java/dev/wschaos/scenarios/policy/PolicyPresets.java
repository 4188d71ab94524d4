package dev.wschaos.scenarios.policy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Named reconnect policies taken from real clients and published guidance, usable wherever a policy is:
 * {@code -Dpolicy=socketio}, {@code "policy": "full-jitter"} in JSON, {@code PolicyPresets.get("ably")} in Java.
 * Each names its source (docs/scenarios.md lists them).
 *
 * <pre>{@code
 * ReconnectPolicy p = PolicyPresets.get("socketio").withMaxAttempts(10);
 * ReconnectPolicy same = ReconnectPolicy.parse("socketio,maxAttempts=10");
 * }</pre>
 */
public final class PolicyPresets {

  /** A named policy and where its formula comes from. */
  public record Preset(String name, ReconnectPolicy policy, String source) {}

  private static final Map<String, Preset> PRESETS = new LinkedHashMap<>();

  static {
    add("immediate", ReconnectPolicy.immediate(),
        "anti-pattern: reconnect at once in onClose/onFailure (a bare OkHttp or java.net.http listener; Gatling's "
            + "own reconnect)");
    add("fixed-delay", ReconnectPolicy.fixed(Duration.ofSeconds(1)),
        "anti-pattern: the same 1 s sleep before every attempt, no jitter (a common hand-written loop)");
    add("rfc6455", ReconnectPolicy.of(new Rfc6455Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1), 6)),
        "RFC 6455 section 7.2.3: first reconnect delayed randomly (0-5 s), then truncated binary exponential "
            + "backoff (1 s slot, up to 2^6 - 1 slots)");
    add("full-jitter", ReconnectPolicy.exponential(Duration.ofSeconds(1), 2, Duration.ofSeconds(30), Jitter.FULL),
        "AWS Architecture Blog, Marc Brooker, \"Exponential Backoff And Jitter\" (2015): "
            + "random(0, min(cap, base * 2^n)); base 1 s, cap 30 s");
    add("decorrelated-jitter",
        ReconnectPolicy.exponential(Duration.ofSeconds(1), 2, Duration.ofSeconds(30), Jitter.DECORRELATED),
        "AWS Architecture Blog, \"Exponential Backoff And Jitter\": min(cap, random(base, 3 * previous)); "
            + "base 1 s, cap 30 s");
    add("socketio", ReconnectPolicy.of(new SocketIoBackoff(Duration.ofSeconds(1), Duration.ofSeconds(5), 2, 0.5)),
        "Socket.IO client defaults: reconnectionDelay 1000, reconnectionDelayMax 5000, randomizationFactor 0.5 "
            + "(socket.io-client Manager and contrib/backo2)");
    add("reconnecting-websocket", ReconnectPolicy.of(new ReconnectingWebSocketBackoff(Duration.ofSeconds(1),
            Duration.ofSeconds(5), Duration.ofSeconds(10), 1.3)),
        "npm reconnecting-websocket defaults: minReconnectionDelay 1000 + Math.random() * 4000, "
            + "maxReconnectionDelay 10000, reconnectionDelayGrowFactor 1.3");
    add("ably", ReconnectPolicy.of(new AblyBackoff(Duration.ofSeconds(15), true)),
        "Ably client library features spec: RTN15a (one immediate attempt), RTB1 (disconnectedRetryTimeout 15 s "
            + "x min((n + 2) / 3, 2) x jitter in (0.8, 1])");
  }

  private PolicyPresets() {}

  private static void add(String name, ReconnectPolicy policy, String source) {
    PRESETS.put(name, new Preset(name, policy, source));
  }

  /** All presets, in the order above. */
  public static List<Preset> all() {
    return List.copyOf(PRESETS.values());
  }

  public static Optional<ReconnectPolicy> find(String name) {
    return Optional.ofNullable(PRESETS.get(name)).map(Preset::policy);
  }

  /** @throws IllegalArgumentException naming the presets when {@code name} is not one */
  public static ReconnectPolicy get(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException("unknown policy preset '" + name
        + "': use one of " + String.join(", ", PRESETS.keySet())));
  }
}

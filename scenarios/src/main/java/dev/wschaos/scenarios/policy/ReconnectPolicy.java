package dev.wschaos.scenarios.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wschaos.simulator.common.DurationText;
import dev.wschaos.simulator.json.Json;
import dev.wschaos.simulator.plan.PlanMapper;
import java.time.Duration;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * How a client reconnects: a {@link Backoff} inside an envelope of limits and close-code awareness. Plain data
 * (a scenario file can name one); {@code WsClient} turns it into Gatling chains.
 *
 * <pre>{@code
 * ReconnectPolicy p = ReconnectPolicy.exponential(Duration.ofMillis(200), 2, Duration.ofSeconds(10), Jitter.FULL)
 *     .withMaxAttempts(10);
 * ReconnectPolicy same = ReconnectPolicy.parse(
 *     "{\"backoff\":{\"type\":\"exponential\",\"base\":\"200ms\",\"cap\":\"10s\",\"jitter\":\"full\"},\"maxAttempts\":10}");
 * }</pre>
 *
 * <ul>
 *   <li>a close code in {@code terminalCodes} or a handshake status in {@code terminalStatuses} ends the client:
 *       retrying cannot help (1008 policy violation, 403 forbidden, ...);</li>
 *   <li>with {@code honourAdvice}, a delay the server advised (1012/1013 {@code retry-after=N}, 503/429
 *       {@code Retry-After}) is a floor for the next wait;</li>
 *   <li>{@code maxAttempts} bounds attempts per disconnect, {@code giveUpAfter} the time since the disconnect.</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReconnectPolicy(Backoff backoff, Integer maxAttempts, Duration giveUpAfter, Set<Integer> terminalCodes,
                              Set<Integer> terminalStatuses, boolean honourAdvice) {

  /** Close codes that mean "this client is wrong, retrying will not help". */
  public static final Set<Integer> DEFAULT_TERMINAL_CODES = Set.of(1002, 1003, 1007, 1008, 1009, 1010);
  /** Handshake statuses that mean the same. */
  public static final Set<Integer> DEFAULT_TERMINAL_STATUSES = Set.of(401, 403, 404);

  private static final ObjectMapper JSON = Json.mapper();

  @JsonCreator
  public ReconnectPolicy(
      @JsonProperty("backoff") Backoff backoff,
      @JsonProperty("maxAttempts") Integer maxAttempts,
      @JsonProperty("giveUpAfter") Duration giveUpAfter,
      @JsonProperty("terminalCodes") Set<Integer> terminalCodes,
      @JsonProperty("terminalStatuses") Set<Integer> terminalStatuses,
      @JsonProperty("honourAdvice") Boolean honourAdvice) {
    this(backoff == null ? new Backoff.Exponential(null, null, null, null) : backoff, maxAttempts, giveUpAfter,
        terminalCodes == null ? DEFAULT_TERMINAL_CODES : Set.copyOf(terminalCodes),
        terminalStatuses == null ? DEFAULT_TERMINAL_STATUSES : Set.copyOf(terminalStatuses),
        honourAdvice == null || honourAdvice);
  }

  public ReconnectPolicy {
    if (maxAttempts != null && maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts " + maxAttempts + " must be 1 or more");
    }
    if (giveUpAfter != null && (giveUpAfter.isNegative() || giveUpAfter.isZero())) {
      throw new IllegalArgumentException("giveUpAfter must be more than 0");
    }
  }

  public static ReconnectPolicy of(Backoff backoff) {
    return new ReconnectPolicy(backoff, null, null, null, null, null);
  }

  public static ReconnectPolicy none() {
    return of(new Backoff.None());
  }

  public static ReconnectPolicy immediate() {
    return of(new Backoff.Immediate());
  }

  public static ReconnectPolicy fixed(Duration delay) {
    return of(new Backoff.Fixed(delay));
  }

  public static ReconnectPolicy exponential(Duration base, double factor, Duration cap, Jitter jitter) {
    return of(new Backoff.Exponential(base, factor, cap, jitter));
  }

  /**
   * A policy from JSON, a JSON file, or a short form {@code NAME[,OPTION]...}: names {@code none},
   * {@code immediate}, {@code fixed:1s}, {@code exponential} (200ms x2 up to 30s, full jitter),
   * {@code exponential:BASE:FACTOR:CAP:JITTER}, or a preset of {@link PolicyPresets} ({@code socketio},
   * {@code full-jitter}, ...); options {@code maxAttempts=N}, {@code giveUpAfter=2m},
   * {@code ignoreAdvice}. Example: {@code immediate,ignoreAdvice} (a naive client).
   */
  public static ReconnectPolicy parse(String text) {
    String t = text.trim();
    try {
      if (t.startsWith("{")) {
        return JSON.readValue(t, ReconnectPolicy.class);
      }
      if (t.endsWith(".json") && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(t))) {
        return JSON.readValue(java.nio.file.Path.of(t).toFile(), ReconnectPolicy.class);
      }
      String[] options = t.split(",");
      String[] parts = options[0].trim().split(":");
      ReconnectPolicy policy = switch (parts[0]) {
        case "none" -> none();
        case "immediate" -> immediate();
        case "fixed" -> fixed(parts.length > 1 ? DurationText.parse(parts[1]) : Duration.ofSeconds(1));
        case "exponential" -> exponential(
            parts.length > 1 ? DurationText.parse(parts[1]) : Duration.ofMillis(200),
            parts.length > 2 ? Double.parseDouble(parts[2]) : 2.0,
            parts.length > 3 ? DurationText.parse(parts[3]) : Duration.ofSeconds(30),
            parts.length > 4 ? Jitter.parse(parts[4]) : Jitter.FULL);
        default -> PolicyPresets.find(parts[0]).orElseThrow(() -> new IllegalArgumentException(
            "unknown policy '" + parts[0] + "'"));
      };
      for (int i = 1; i < options.length; i++) {
        String option = options[i].trim();
        if (option.equals("ignoreAdvice")) {
          policy = policy.withHonourAdvice(false);
        } else if (option.startsWith("maxAttempts=")) {
          policy = policy.withMaxAttempts(Integer.parseInt(option.substring("maxAttempts=".length())));
        } else if (option.startsWith("giveUpAfter=")) {
          policy = policy.withGiveUpAfter(DurationText.parse(option.substring("giveUpAfter=".length())));
        } else {
          throw new IllegalArgumentException("unknown option '" + option + "'");
        }
      }
      return policy;
    } catch (Exception e) {
      throw new IllegalArgumentException("reconnect policy '" + text + "' is not valid (" + e.getMessage()
          + "); use none, immediate, fixed:1s, exponential, exponential:200ms:2:30s:full|equal|decorrelated|none, "
          + "or a preset (" + String.join(", ", PolicyPresets.all().stream().map(PolicyPresets.Preset::name)
          .toList()) + "), optionally followed by ,maxAttempts=N ,giveUpAfter=2m ,ignoreAdvice; or JSON, or a "
          + ".json file", e);
    }
  }

  /** A policy given in JSON as a string: a preset or short form, e.g. {@code "policy": "socketio"}. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static ReconnectPolicy fromText(String text) {
    return parse(text);
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public ReconnectPolicy withMaxAttempts(Integer value) {
    return new ReconnectPolicy(backoff, value, giveUpAfter, terminalCodes, terminalStatuses, honourAdvice);
  }

  public ReconnectPolicy withGiveUpAfter(Duration value) {
    return new ReconnectPolicy(backoff, maxAttempts, value, terminalCodes, terminalStatuses, honourAdvice);
  }

  public ReconnectPolicy withHonourAdvice(boolean value) {
    return new ReconnectPolicy(backoff, maxAttempts, giveUpAfter, terminalCodes, terminalStatuses, value);
  }

  public ReconnectPolicy withTerminalCodes(Set<Integer> codes) {
    return new ReconnectPolicy(backoff, maxAttempts, giveUpAfter, codes, terminalStatuses, honourAdvice);
  }

  /** Whether {@code why} ends the client whatever the backoff. */
  public boolean isTerminal(Disconnect why) {
    return why.closeCode() != null && terminalCodes.contains(why.closeCode())
        || why.httpStatus() != null && terminalStatuses.contains(why.httpStatus());
  }

  /**
   * Decide the next step after {@code why}.
   *
   * @param attempt the attempt about to be made, 1 for the first reconnect after a disconnect
   * @param sinceDisconnect time since the connection was lost
   * @param previousDelayMs the wait before the previous attempt (0 before the first)
   */
  public ReconnectDecision next(Disconnect why, int attempt, Duration sinceDisconnect, long previousDelayMs,
                                DoubleSupplier random) {
    if (isTerminal(why)) {
      return new ReconnectDecision.GiveUp("terminal-" + (why.closeCode() != null ? why.closeCode() : why.httpStatus()));
    }
    if (!backoff.reconnects()) {
      return new ReconnectDecision.GiveUp("no-reconnect");
    }
    if (maxAttempts != null && attempt > maxAttempts) {
      return new ReconnectDecision.GiveUp("max-attempts");
    }
    long delay = Math.max(0, backoff.delayMillis(attempt, previousDelayMs, random));
    if (honourAdvice && why.advisedDelayMs() != null) {
      delay = Math.max(delay, why.advisedDelayMs());
    }
    if (giveUpAfter != null && sinceDisconnect.plusMillis(delay).compareTo(giveUpAfter) > 0) {
      return new ReconnectDecision.GiveUp("give-up-after");
    }
    return new ReconnectDecision.Retry(attempt, delay);
  }
}

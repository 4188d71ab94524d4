package dev.wschaos.scenarios.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wschaos.simulator.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongBinaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every preset's delay sequence against its source's formula, written out again here, with seeded draws. */
class PolicyPresetsTest {

  private static final int ATTEMPTS = 12;

  /** The delays of attempts 1..ATTEMPTS, each fed the previous one, as ReconnectMachine does. */
  private static List<Long> sequence(String preset, long seed) {
    Backoff b = PolicyPresets.get(preset).backoff();
    SplittableRandom random = new SplittableRandom(seed);
    List<Long> out = new ArrayList<>();
    long previous = 0;
    for (int n = 1; n <= ATTEMPTS; n++) {
      previous = b.delayMillis(n, previous, random::nextDouble);
      out.add(previous);
    }
    return out;
  }

  /** The same draws fed to {@code formula(n, previous)} with the draw available through {@code r}. */
  private static List<Long> expected(long seed, Formula formula) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Long> out = new ArrayList<>();
    long previous = 0;
    for (int n = 1; n <= ATTEMPTS; n++) {
      previous = formula.delay(n, previous, random::nextDouble);
      out.add(previous);
    }
    return out;
  }

  interface Formula {
    long delay(int n, long previous, DoubleSupplier r);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 42, 2026})
  void immediateAndFixedDelayIgnoreTheDraws(long seed) {
    assertThat(sequence("immediate", seed)).containsOnly(0L);
    assertThat(sequence("fixed-delay", seed)).containsOnly(1000L);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 42, 2026})
  void rfc6455DelaysTheFirstReconnectRandomlyThenTruncatedBinaryExponential(long seed) {
    assertThat(sequence("rfc6455", seed)).isEqualTo(expected(seed, (n, previous, r) -> {
      if (n == 1) {
        return (long) (5000 * r.getAsDouble());        // "e.g. 0 to 5 seconds"
      }
      int c = Math.min(n - 1, 6);
      return (long) (r.getAsDouble() * Math.pow(2, c)) * 1000;   // k in 0 .. 2^c - 1 slots of 1 s
    }));
    assertThat(sequence("rfc6455", seed).get(0)).isBetween(0L, 4999L);
    assertThat(sequence("rfc6455", seed)).allMatch(d -> d <= 63_000);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 42, 2026})
  void fullJitterIsRandomBetweenZeroAndTheCappedExponential(long seed) {
    assertThat(sequence("full-jitter", seed)).isEqualTo(expected(seed, (n, previous, r) ->
        Math.round(r.getAsDouble() * Math.min(30_000, 1000 * Math.pow(2, n - 1)))));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 42, 2026})
  void decorrelatedJitterIsRandomBetweenBaseAndThreeTimesThePreviousSleep(long seed) {
    assertThat(sequence("decorrelated-jitter", seed)).isEqualTo(expected(seed, (n, previous, r) -> {
      long sleep = previous == 0 ? 1000 : previous;    // the blog's sleep starts at base
      return Math.round(Math.min(30_000, 1000 + r.getAsDouble() * (sleep * 3 - 1000)));
    }));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 42, 2026})
  void socketIoFollowsBacko2WithItsDefaults(long seed) {
    assertThat(sequence("socketio", seed)).isEqualTo(expected(seed, (n, previous, r) -> {
      double ms = 1000 * Math.pow(2, n - 1);           // backo2: this.ms * Math.pow(this.factor, this.attempts++)
      double rand = r.getAsDouble();
      double deviation = Math.floor(rand * 0.5 * ms);
      ms = ((int) Math.floor(rand * 10) & 1) == 0 ? ms - deviation : ms + deviation;
      return (long) Math.min(ms, 5000);                // Math.min(ms, this.max) | 0
    }));
    assertThat(sequence("socketio", seed).get(0)).isBetween(500L, 1500L);
    assertThat(sequence("socketio", seed).subList(3, ATTEMPTS)).containsOnly(5000L);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 42, 2026})
  void reconnectingWebSocketGrowsItsRandomMinimumBy13UpToTenSeconds(long seed) {
    double min = 1000 + new SplittableRandom(seed).nextDouble() * 4000;   // drawn once, at the first retry
    List<Long> expected = new ArrayList<>();
    for (int n = 1; n <= ATTEMPTS; n++) {
      expected.add(Math.round(Math.min(10_000, min * Math.pow(1.3, n - 1))));
    }
    List<Long> actual = sequence("reconnecting-websocket", seed);
    for (int i = 0; i < ATTEMPTS; i++) {
      assertThat(actual.get(i)).as("attempt %d", i + 1).isCloseTo(expected.get(i), org.assertj.core.data.Offset.offset(
          (long) i + 1));   // the previous wait is rounded to whole ms before it grows
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 42, 2026})
  void ablyRetriesOnceAtOnceThenBacksOffFromFifteenSecondsWithJitter(long seed) {
    assertThat(sequence("ably", seed)).isEqualTo(expected(seed, (n, previous, r) -> {
      if (n == 1) {
        return 0;                                      // RTN15a
      }
      int k = n - 1;
      return Math.round(15_000 * Math.min((k + 2) / 3.0, 2) * (1 - r.getAsDouble() * 0.2));  // RTB1
    }));
    List<Long> s = sequence("ably", seed);
    assertThat(s.get(1)).isBetween(12_000L, 15_000L);
    assertThat(s.get(2)).isBetween(16_000L, 20_000L);
    assertThat(s.subList(4, ATTEMPTS)).allMatch(d -> d >= 24_000 && d <= 30_000);
  }

  @Test
  void everyPresetIsUsableByNameInShortFormsAndJson() throws Exception {
    ObjectMapper json = Json.mapper();
    for (PolicyPresets.Preset p : PolicyPresets.all()) {
      assertThat(ReconnectPolicy.parse(p.name())).isEqualTo(p.policy());
      assertThat(ReconnectPolicy.parse(p.name() + ",maxAttempts=5")).isEqualTo(p.policy().withMaxAttempts(5));
      assertThat(json.readValue("\"" + p.name() + "\"", ReconnectPolicy.class)).isEqualTo(p.policy());
      assertThat(ReconnectPolicy.parse(p.policy().toJson())).as(p.policy().toJson()).isEqualTo(p.policy());
      assertThat(p.source()).isNotBlank();
    }
  }

  @Test
  void anUnknownNameListsThePresets() {
    assertThatThrownBy(() -> ReconnectPolicy.parse("sockto"))
        .hasMessageContaining("unknown policy 'sockto'").hasMessageContaining("socketio, reconnecting-websocket");
    assertThatThrownBy(() -> PolicyPresets.get("nope")).hasMessageContaining("full-jitter");
  }
}

package dev.wschaos.scenarios.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {

  private static final Duration NOW = Duration.ZERO;

  @Test
  void exponentialWithoutJitterDoublesUpToTheCap() {
    Backoff b = new Backoff.Exponential(Duration.ofMillis(100), 2.0, Duration.ofMillis(1000), Jitter.NONE);
    assertThat(new long[] {b.delayMillis(1, 0, () -> 0.5), b.delayMillis(2, 0, () -> 0.5),
        b.delayMillis(4, 0, () -> 0.5), b.delayMillis(5, 0, () -> 0.5), b.delayMillis(30, 0, () -> 0.5)})
        .containsExactly(100, 200, 800, 1000, 1000);
  }

  @Test
  void jitterStaysInsideItsBounds() {
    SplittableRandom random = new SplittableRandom(1);
    Backoff full = new Backoff.Exponential(Duration.ofMillis(100), 2.0, Duration.ofSeconds(10), Jitter.FULL);
    Backoff equal = new Backoff.Exponential(Duration.ofMillis(100), 2.0, Duration.ofSeconds(10), Jitter.EQUAL);
    Backoff decorrelated =
        new Backoff.Exponential(Duration.ofMillis(100), 2.0, Duration.ofSeconds(10), Jitter.DECORRELATED);
    long previous = 0;
    long fullMin = Long.MAX_VALUE;
    long fullMax = 0;
    for (int i = 0; i < 2000; i++) {
      long f = full.delayMillis(4, 0, random::nextDouble);
      fullMin = Math.min(fullMin, f);
      fullMax = Math.max(fullMax, f);
      assertThat(equal.delayMillis(4, 0, random::nextDouble)).isBetween(400L, 800L);
      long d = decorrelated.delayMillis(2, previous, random::nextDouble);
      assertThat(d).isBetween(100L, Math.min(10_000L, Math.max(100L, (previous <= 0 ? 100L : previous) * 3)));
      previous = d;
    }
    assertThat(fullMin).isLessThan(80);
    assertThat(fullMax).isGreaterThan(720).isLessThanOrEqualTo(800);
  }

  @Test
  void terminalCodesAndStatusesGiveUpAtOnce() {
    ReconnectPolicy p = ReconnectPolicy.immediate();
    assertThat(p.next(Disconnect.closed(1008, null), 1, NOW, 0, () -> 0))
        .isEqualTo(new ReconnectDecision.GiveUp("terminal-1008"));
    assertThat(p.next(Disconnect.rejected(403, null), 1, NOW, 0, () -> 0))
        .isEqualTo(new ReconnectDecision.GiveUp("terminal-403"));
    assertThat(p.next(Disconnect.closed(1011, null), 1, NOW, 0, () -> 0))
        .isEqualTo(new ReconnectDecision.Retry(1, 0));
  }

  @Test
  void anAdvisedDelayIsAFloorUnlessAdviceIsIgnored() {
    ReconnectPolicy p = ReconnectPolicy.exponential(Duration.ofMillis(100), 2, Duration.ofSeconds(5), Jitter.NONE);
    assertThat(p.next(Disconnect.closed(1012, 2000L), 1, NOW, 0, () -> 0))
        .isEqualTo(new ReconnectDecision.Retry(1, 2000));
    assertThat(p.next(Disconnect.rejected(503, 1000L), 5, NOW, 0, () -> 0))
        .isEqualTo(new ReconnectDecision.Retry(5, 1600));
    assertThat(p.withHonourAdvice(false).next(Disconnect.closed(1013, 2000L), 1, NOW, 0, () -> 0))
        .isEqualTo(new ReconnectDecision.Retry(1, 100));
  }

  @Test
  void limitsEndTheRetries() {
    ReconnectPolicy p = ReconnectPolicy.fixed(Duration.ofSeconds(1)).withMaxAttempts(3)
        .withGiveUpAfter(Duration.ofSeconds(10));
    assertThat(p.next(Disconnect.DROPPED, 3, NOW, 0, () -> 0)).isInstanceOf(ReconnectDecision.Retry.class);
    assertThat(p.next(Disconnect.DROPPED, 4, NOW, 0, () -> 0)).isEqualTo(new ReconnectDecision.GiveUp("max-attempts"));
    assertThat(p.next(Disconnect.DROPPED, 2, Duration.ofSeconds(9500, 0).dividedBy(1000), 0, () -> 0))
        .isEqualTo(new ReconnectDecision.GiveUp("give-up-after"));
    assertThat(ReconnectPolicy.none().next(Disconnect.DROPPED, 1, NOW, 0, () -> 0))
        .isEqualTo(new ReconnectDecision.GiveUp("no-reconnect"));
  }

  @Test
  void bindsFromJsonAndShortNames() {
    ReconnectPolicy json = ReconnectPolicy.parse("{\"backoff\":{\"type\":\"exponential\",\"base\":\"250ms\","
        + "\"factor\":3,\"cap\":\"5s\",\"jitter\":\"decorrelated\"},\"maxAttempts\":7,\"giveUpAfter\":\"1m\","
        + "\"terminalCodes\":[1008],\"honourAdvice\":false}");
    assertThat(json.backoff()).isEqualTo(
        new Backoff.Exponential(Duration.ofMillis(250), 3.0, Duration.ofSeconds(5), Jitter.DECORRELATED));
    assertThat(json.maxAttempts()).isEqualTo(7);
    assertThat(json.giveUpAfter()).isEqualTo(Duration.ofMinutes(1));
    assertThat(json.terminalCodes()).containsExactly(1008);
    assertThat(json.honourAdvice()).isFalse();
    assertThat(ReconnectPolicy.parse(json.toJson())).isEqualTo(json);

    assertThat(ReconnectPolicy.parse("fixed:2s").backoff()).isEqualTo(new Backoff.Fixed(Duration.ofSeconds(2)));
    assertThat(ReconnectPolicy.parse("exponential:100ms:2:10s:equal").backoff())
        .isEqualTo(new Backoff.Exponential(Duration.ofMillis(100), 2.0, Duration.ofSeconds(10), Jitter.EQUAL));
    assertThat(ReconnectPolicy.parse("immediate").backoff()).isInstanceOf(Backoff.Immediate.class);
    assertThat(ReconnectPolicy.parse("none").backoff().reconnects()).isFalse();
    assertThat(ReconnectPolicy.parse("immediate,ignoreAdvice,maxAttempts=3,giveUpAfter=30s")).isEqualTo(
        ReconnectPolicy.immediate().withHonourAdvice(false).withMaxAttempts(3).withGiveUpAfter(Duration.ofSeconds(30)));
  }

  @Test
  void badPoliciesAreRefusedWithTheAllowedForms() {
    assertThatThrownBy(() -> ReconnectPolicy.parse("linear"))
        .hasMessageContaining("'linear' is not valid").hasMessageContaining("exponential:200ms:2:30s");
    assertThatThrownBy(() -> ReconnectPolicy.parse("fixed:1s,retries=2")).hasMessageContaining("unknown option");
    assertThatThrownBy(() -> ReconnectPolicy.parse("exponential:100ms:0.5"))
        .hasMessageContaining("factor 0.5 must be 1 or more");
    assertThatThrownBy(() -> ReconnectPolicy.parse("{\"backoff\":{\"type\":\"exponential\",\"jitter\":\"some\"}}"))
        .hasMessageContaining("unknown jitter 'some'");
    assertThatThrownBy(() -> ReconnectPolicy.parse("{\"maxAttemps\":3}")).hasMessageContaining("maxAttemps");
  }
}

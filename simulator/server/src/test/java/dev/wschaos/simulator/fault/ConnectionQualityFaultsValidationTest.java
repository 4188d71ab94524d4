package dev.wschaos.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.common.PlanProblem;
import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.plan.PlanLoader;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each new fault's settings: defaults accepted, and every out-of-range field reported with its path. */
class ConnectionQualityFaultsValidationTest {

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("{type: half-open}"),
        Arguments.of("{type: half-open, startWithin: 20s, for: 1m}"),
        Arguments.of("{type: no-pong}"),
        Arguments.of("{type: ignore-close}"),
        Arguments.of("{type: close-no-fin}"),
        Arguments.of("{type: close-no-fin, code: 4001, reason: bye}"),
        Arguments.of("{type: latency, delay: 0ms}"),
        Arguments.of("{type: latency, delay: 200ms, jitter: 50ms, distribution: exponential, direction: both}"),
        Arguments.of("{type: throttle, bytesPerSecond: 1024, direction: in}"),
        Arguments.of("{type: slice}"),
        Arguments.of("{type: slice, chunkBytes: 5, pause: 0ms}"),
        Arguments.of("{type: slow-link, delay: 100ms, bytesPerSecond: 4096}"),
        Arguments.of("{type: slow-handshake, delay: 3s}"),
        Arguments.of("{type: invalid-utf8}"),
        Arguments.of("{type: oversize, size: 1048577, binary: true, fragmentSize: 65536}"),
        Arguments.of("{type: masked-frame, text: hi}"),
        Arguments.of("{type: reserved-bits, rsv: 3}"),
        Arguments.of("{type: bad-opcode, opcode: 15}"),
        Arguments.of("{type: fragmented-control}"),
        Arguments.of("{type: unexpected-binary, messages: 0}"),
        Arguments.of("{type: drop-messages, probability: 1}"),
        Arguments.of("{type: duplicate-messages, probability: 0.05}"),
        Arguments.of("{type: reorder-messages, window: 100, maxHold: 1s}"));
  }

  @ParameterizedTest
  @MethodSource("valid")
  void acceptsValidSettings(String fault) {
    assertThat(problemsOf("rules: [{fault: " + fault + "}]")).isEmpty();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("{type: half-open, startWithin: PT-1S, for: 0s}", List.of("rules[0].fault.startWithin", "rules[0].fault.for")),
        Arguments.of("{type: close-no-fin, code: 1006}", List.of("rules[0].fault.code")),
        Arguments.of("{type: close-no-fin, reason: '" + "r".repeat(124) + "'}", List.of("rules[0].fault.reason")),
        Arguments.of("{type: latency, delay: PT-0.005S, jitter: PT-0.001S}", List.of("rules[0].fault.delay", "rules[0].fault.jitter")),
        Arguments.of("{type: latency, delay: 11m}", List.of("rules[0].fault.delay")),
        Arguments.of("{type: throttle, bytesPerSecond: 10}", List.of("rules[0].fault.bytesPerSecond")),
        Arguments.of("{type: slice, chunkBytes: 0, pause: 11s}", List.of("rules[0].fault.chunkBytes", "rules[0].fault.pause")),
        Arguments.of("{type: slow-link, delay: PT-0.001S, bytesPerSecond: 1}", List.of("rules[0].fault.delay", "rules[0].fault.bytesPerSecond")),
        Arguments.of("{type: slow-handshake, delay: 0s}", List.of("rules[0].fault.delay")),
        Arguments.of("{type: oversize, size: 0, fragmentSize: 0}", List.of("rules[0].fault.size", "rules[0].fault.fragmentSize")),
        Arguments.of("{type: reserved-bits, rsv: 4}", List.of("rules[0].fault.rsv")),
        Arguments.of("{type: bad-opcode, opcode: 8}", List.of("rules[0].fault.opcode")),
        Arguments.of("{type: unexpected-binary, messages: -1}", List.of("rules[0].fault.messages")),
        Arguments.of("{type: drop-messages, probability: 0}", List.of("rules[0].fault.probability")),
        Arguments.of("{type: duplicate-messages, probability: 1.5}", List.of("rules[0].fault.probability")),
        Arguments.of("{type: reorder-messages, window: 1, maxHold: 0s}", List.of("rules[0].fault.window", "rules[0].fault.maxHold")));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void reportsEveryBadFieldWithItsPath(String fault, List<String> paths) {
    List<PlanProblem> problems = problemsOf("rules: [{fault: " + fault + "}]");
    assertThat(problems).extracting(p -> p.path().toString()).containsExactlyInAnyOrderElementsOf(paths);
  }

  @Test
  void heartbeatSettingsAreValidated() {
    assertThat(problemsOf("heartbeat: {interval: 10s, timeout: 5s, onTimeout: drop}")).isEmpty();
    List<PlanProblem> problems = problemsOf("heartbeat: {interval: 5ms, timeout: 0ms}");
    assertThat(problems).extracting(p -> p.path().toString())
        .containsExactlyInAnyOrder("heartbeat.interval", "heartbeat.timeout");
  }

  /** What loading the plan text reports: nothing, or every problem with its field path. */
  private static List<PlanProblem> problemsOf(String yaml) {
    InvalidPlanException invalid = catchThrowableOfType(() -> PlanLoader.parse(yaml, "test"), InvalidPlanException.class);
    return invalid == null ? List.of() : invalid.problems();
  }

  @Test
  void validatorsCollectIntoProblems() {
    Problems problems = Problems.root();
    new dev.wschaos.simulator.fault.shaping.SliceFault(0, java.time.Duration.ofSeconds(-1)).validate(problems);
    assertThat(problems.list()).hasSize(2);
  }
}

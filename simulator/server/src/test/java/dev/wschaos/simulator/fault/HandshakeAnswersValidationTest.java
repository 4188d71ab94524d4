package dev.wschaos.simulator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.common.PlanProblem;
import dev.wschaos.simulator.plan.PlanLoader;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The handshake-answer faults' settings: valid ones load, each bad field is reported with its path and a reason. */
class HandshakeAnswersValidationTest {

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("{type: wrong-status, status: 200}"),
        Arguments.of("{type: wrong-status, status: 100}"),
        Arguments.of("{type: wrong-status, status: 426, version: HTTP/1.0, reason: Upgrade Now, "
            + "headers: {Upgrade: 'TLS/1.2, HTTP/1.1'}, body: ''}"),
        Arguments.of("{type: nginx-error, status: 502}"),
        Arguments.of("{type: nginx-error, status: 504, version: 1.24.0}"),
        Arguments.of("{type: mangled-upgrade, omit: [Upgrade, connection, Sec-WebSocket-Accept]}"),
        Arguments.of("{type: mangled-upgrade, headers: {Upgrade: h2c}, version: HTTP/1.0, body: '<html/>'}"),
        Arguments.of("{type: raw-response, text: \"HTTP/1.1 200 OK\\r\\n\\r\\n\", close: true}"),
        Arguments.of("{type: raw-response, base64: SFRUUC8xLjEgMjAwIE9LDQoNCg==}"),
        Arguments.of("{type: slow-headers, interval: 200ms}"));
  }

  @ParameterizedTest
  @MethodSource("valid")
  void acceptsValidSettings(String fault) {
    assertThat(problemsOf("rules: [{fault: " + fault + "}]")).isEmpty();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("{type: wrong-status, status: 101}", "rules[0].fault.status", "use mangled-upgrade"),
        Arguments.of("{type: wrong-status, status: 600}", "rules[0].fault.status", "use 100-599"),
        Arguments.of("{type: wrong-status, status: 200, version: HTTP/2}", "rules[0].fault.version",
            "use HTTP/1.1 (default) or HTTP/1.0"),
        Arguments.of("{type: wrong-status, status: 200, headers: {'Bad Name': x}}", "rules[0].fault.headers.Bad Name",
            "not a valid header name"),
        Arguments.of("{type: wrong-status, status: 200, headers: {X-A: \"a\\r\\nb\"}}", "rules[0].fault.headers.X-A",
            "cannot contain CR or LF"),
        Arguments.of("{type: nginx-error, status: 418}", "rules[0].fault.status", "no nginx error page"),
        Arguments.of("{type: mangled-upgrade}", "rules[0].fault", "nothing to mangle"),
        Arguments.of("{type: mangled-upgrade, omit: [Host]}", "rules[0].fault.omit[0]", "cannot be omitted"),
        Arguments.of("{type: raw-response}", "rules[0].fault", "exactly one of text (UTF-8) or base64"),
        Arguments.of("{type: raw-response, text: a, base64: YQ==}", "rules[0].fault", "exactly one"),
        Arguments.of("{type: raw-response, base64: '%%%'}", "rules[0].fault.base64", "not valid base64"),
        Arguments.of("{type: raw-response, text: ''}", "rules[0].fault.text", "use abort"),
        Arguments.of("{type: slow-headers, interval: 0s}", "rules[0].fault.interval", "must be positive"),
        Arguments.of("{type: slow-headers, interval: 2m}", "rules[0].fault.interval", "use stall"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void reportsTheBadFieldWithItsPathAndWhatIsAllowed(String fault, String path, String message) {
    List<PlanProblem> problems = problemsOf("rules: [{fault: " + fault + "}]");
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).path().toString()).isEqualTo(path);
    assertThat(problems.get(0).toString()).contains(message);
  }

  private static List<PlanProblem> problemsOf(String yaml) {
    InvalidPlanException invalid = catchThrowableOfType(() -> PlanLoader.parse(yaml, "test"), InvalidPlanException.class);
    return invalid == null ? List.of() : invalid.problems();
  }
}

package dev.wschaos.simulator.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.common.PlanProblem;
import dev.wschaos.simulator.fault.connection.CloseFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PlanLoaderTest {

  static Stream<String> builtInPlans() {
    return PlanCatalog.NAMES.stream();
  }

  @ParameterizedTest
  @MethodSource("builtInPlans")
  void everyBuiltInPlanLoadsValidatesAndRoundTrips(String name) {
    Plan plan = PlanCatalog.load(name);
    assertThat(plan.name()).isEqualTo(name);
    assertThat(plan.description()).isNotBlank();
    assertThat(plan.validate()).isEmpty();
    String yaml = PlanLoader.toYaml(plan);
    assertThat(yaml).as("type ids are written as type: fields, as people write them").doesNotContain("!<");
    assertThat(PlanLoader.toYaml(PlanLoader.parse(yaml, "round trip"))).isEqualTo(yaml);
    String json = PlanLoader.toJson(plan);
    assertThat(PlanLoader.toYaml(PlanLoader.parse(json, "round trip"))).isEqualTo(yaml);
  }

  @Test
  void theCatalogueListsExactlyThePlanFilesShipped() throws IOException {
    Path folder = Path.of("../api/src/main/resources/dev/wschaos/simulator/plans");
    try (Stream<Path> files = Files.list(folder)) {
      List<String> shipped = files.map(f -> f.getFileName().toString().replaceAll("\\.yaml$", "")).sorted().toList();
      assertThat(shipped).containsExactlyInAnyOrderElementsOf(PlanCatalog.NAMES);
    }
  }

  @Test
  void yamlAndJsonBindTheSameModel() {
    Plan yaml = PlanLoader.parse("""
        name: same
        seed: 3
        behaviour: {type: ticker, interval: 250ms}
        handshake: {strict: false, allowedOrigins: ["https://a.example"]}
        rules:
          - match: {clientId: "c*", attempt: "2+", probability: 0.5}
            trigger: {after: 1.5s}
            fault: {type: close, code: 1013, reason: busy}
        """, "yaml");
    Plan json = PlanLoader.parse("""
        {"name": "same", "seed": 3, "behaviour": {"type": "ticker", "interval": "250ms"},
         "handshake": {"strict": false, "allowedOrigins": ["https://a.example"]},
         "rules": [{"match": {"clientId": "c*", "attempt": "2+", "probability": 0.5},
                    "trigger": {"after": "1.5s"}, "fault": {"type": "close", "code": 1013, "reason": "busy"}}]}
        """, "json");
    assertThat(PlanLoader.toYaml(json)).isEqualTo(PlanLoader.toYaml(yaml));
    assertThat(yaml.rules().get(0).fault()).isEqualTo(new CloseFault(1013, "busy"));
    assertThat(yaml.rules().get(0).effectiveTrigger().after()).hasMillis(1500);
    assertThat(yaml.handshake().strict()).isFalse();
  }

  @Test
  void malformedYamlNamesLineAndColumn() {
    assertProblems("name: x\nrules:\n  - fault: [unclosed\n",
        "bad.yaml:3:21: ", "not valid YAML: while parsing a flow sequence; expected ',' or ']', but got <stream end>");
    assertProblems("name: x\n  rules: [\n", "bad.yaml:2:8: ", "not valid YAML: mapping values are not allowed here");
  }

  @Test
  void malformedJsonNamesLineAndColumn() {
    assertThatThrownBy(() -> PlanLoader.parse("{\"name\": \"x\",\n \"rules\": [,]}", "bad.json"))
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("bad.json:2:");
  }

  @Test
  void unknownFieldListsTheAllowedOnes() {
    assertProblems("name: x\nrules:\n  - fault: {type: close, code: 1000, reson: bye}\n",
        "bad.yaml:3:38: rules[0].fault.reson: unknown field 'reson'; allowed here: code, reason");
    assertProblems("name: x\nrulez: []\n", "bad.yaml:2:1: rulez: unknown field 'rulez'; allowed here: behaviour, description, "
        + "handshake, ", "name, rules, seed");
  }

  @Test
  void unknownOrMissingFaultTypeListsTheTypes() {
    assertProblems("rules:\n  - fault: {type: clsoe}\n", "bad.yaml:2:5: rules[0].fault: unknown fault type 'clsoe'; "
        + "allowed: " + String.join(", ", new TreeSet<>(FaultTypes.all().keySet())));
    assertProblems("rules:\n  - fault: {code: 1000}\n", "rules[0].fault: missing 'type': name the fault type");
    assertProblems("behaviour: {type: mirror}\n", "unknown behaviour type 'mirror'; allowed: conversation, echo, silent, ticker");
  }

  @Test
  void aMissingRequiredFieldIsNamedAsMissing() {
    assertProblems("rules:\n  - fault: {type: latency}\n", "rules[0].fault.delay: required, but missing");
    assertProblems("rules:\n  - fault: {type: delay-messages, match: {text: x}}\n",
        "rules[0].fault.delay: required, but missing");
  }

  @Test
  void codesThatMustNeverBeSentAreRefusedWithWhatToUseInstead() {
    assertProblems("rules:\n  - fault: {type: close, code: 1006}\n",
        "bad.yaml:2:26: rules[0].fault.code: 1006 (abnormal closure) is never sent on the wire",
        "use fault type 'drop' (FIN) or 'reset' (RST) instead");
    assertProblems("rules:\n  - fault: {type: close, code: 1015}\n", "use a TLS fault profile instead");
    assertProblems("rules:\n  - fault: {type: close, code: 1005}\n", "1005 (no status)");
    assertProblems("rules:\n  - fault: {type: close, code: 5000}\n", "5000 is out of range");
    assertProblems("rules:\n  - fault: {type: close, code: 1004}\n", "1004 is reserved");
  }

  @Test
  void outOfRangeValuesAndBadRegexesAreAllReportedAtOnce() {
    InvalidPlanException e = parseFailure("""
        name: many
        rules:
          - match: {probability: 1.5, headers: {User-Agent: "(okhttp"}}
            fault: {type: reject, status: 200}
          - trigger: {afterMessages: 0}
            fault: {type: close, code: 1000, reason: "%s"}
          - trigger: {onMessage: "[a-"}
            fault: {type: drop}
          - trigger: {after: 2s}
            fault: {type: reject, status: 503}
        """.formatted("x".repeat(124)));
    assertThat(e.problems()).extracting(PlanProblem::toString).containsExactly(
        "bad.yaml:3:13: rules[0].match.probability: 1.5 is out of range: a probability is from 0 to 1 (e.g. 0.25)",
        "bad.yaml:3:41: rules[0].match.headers.User-Agent: '(okhttp' is not a valid regular expression: "
            + "Unclosed group near index 7",
        "bad.yaml:4:27: rules[0].fault.status: 200 is out of range: use a 4xx or 5xx status (3xx with a Location "
            + "header for a redirect); 101 is what a healthy server answers",
        "bad.yaml:6:38: rules[1].fault.reason: is 124 bytes in UTF-8; a close reason is at most 123 bytes (RFC 6455 5.5)",
        "bad.yaml:5:15: rules[1].trigger.afterMessages: 0 is out of range: count from 1",
        "bad.yaml:7:15: rules[2].trigger.onMessage: '[a-' is not a valid regular expression: Illegal character range "
            + "near index 3",
        "bad.yaml:9:5: rules[3].trigger: 'reject' is a handshake fault: it happens at the upgrade request and takes "
            + "no trigger (triggers are for connection faults such as close, drop, reset)");
  }

  @Test
  void duplicateKeysAreRefused() {
    assertProblems("name: x\nname: y\n", "bad.yaml:2:", "Duplicate field 'name'");
  }

  @Test
  void durationsNeedAUnit() {
    assertProblems("rules:\n  - trigger: {after: 5}\n    fault: {type: drop}\n",
        "rules[0].trigger.after: a duration is text with a unit: 250ms, 2s, 1.5s, 5m, 1h");
    assertProblems("rules:\n  - trigger: {after: soon}\n    fault: {type: drop}\n",
        "'soon' is not a duration");
  }

  @Test
  void attemptRangesMustBeWellFormed() {
    assertProblems("rules:\n  - match: {attempt: \"x+\"}\n    fault: {type: drop}\n",
        "bad.yaml:2:13: rules[0].match.attempt: 'x+' is not an attempt range: write 1, \"3+\" or \"2-4\"");
    assertProblems("rules:\n  - match: {attempt: \"4-2\"}\n    fault: {type: drop}\n", "the range ends before it starts");
    assertProblems("rules:\n  - match: {attempt: 0}\n    fault: {type: drop}\n", "attempts count from 1");
  }

  @Test
  void emptyAndMissingFilesAreClearErrors(@TempDir Path dir) throws IOException {
    assertProblems("   \n", "the plan is empty");
    assertThatThrownBy(() -> PlanLoader.load(dir.resolve("nope.yaml")))
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("cannot read the plan file: no such file");
    Path json = Files.writeString(dir.resolve("p.json"), "{\"name\": \"from-file\", \"rules\": [{\"fault\": {\"type\": \"drop\"}}]}");
    assertThat(PlanLoader.load(json).name()).isEqualTo("from-file");
  }

  @Test
  void unknownBuiltInNameListsTheCatalogue() {
    assertThatThrownBy(() -> PlanCatalog.load("flaky"))
        .isInstanceOf(InvalidPlanException.class)
        .hasMessageContaining("no plan file 'flaky' and no built-in plan of that name; built-in plans: healthy, ");
  }

  private static InvalidPlanException parseFailure(String yaml) {
    try {
      PlanLoader.parse(yaml, "bad.yaml", PlanLoader.Format.YAML);
    } catch (InvalidPlanException e) {
      return e;
    }
    throw new AssertionError("plan was accepted:\n" + yaml);
  }

  private static void assertProblems(String yaml, String... fragments) {
    assertThat(parseFailure(yaml).getMessage()).contains(fragments);
  }
}

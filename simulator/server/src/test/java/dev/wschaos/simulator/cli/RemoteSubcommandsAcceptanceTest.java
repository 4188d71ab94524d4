package dev.wschaos.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wschaos.simulator.json.Json;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.SimulatorProcess;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The remote subcommands ({@code plan}, {@code act}, {@code connections}, {@code journal}, {@code report},
 * {@code tls ca}) against one simulator process started for the class, over its real admin API. The client side runs
 * in-process through the command's own entry point; {@code journal --follow} runs as a process of its own, stopped
 * with a signal.
 */
class RemoteSubcommandsAcceptanceTest {

  private static final Pattern LISTENING =
      Pattern.compile("wschaos listening on (ws://\\S+) plan=\\S+ seed=-?\\d+ admin=(http://\\S+)");
  private static final String TOKEN = "cli-s3cret";

  private static SimulatorProcess simulator;
  private static URI ws;
  private static URI admin;

  record Result(int status, String out, String err) {}

  @BeforeAll
  static void startSimulator() throws Exception {
    simulator = SimulatorProcess.start("--port", "0", "--admin-port", "0", "--admin-token", TOKEN,
        "--close-timeout", "1s", "--tls-port", "0");
    String line = simulator.nextLine();
    Matcher m = LISTENING.matcher(String.valueOf(line));
    assertThat(m.find()).as("first line: %s", line).isTrue();
    ws = URI.create(m.group(1));
    admin = URI.create(m.group(2));
  }

  @AfterAll
  static void stopSimulator() throws Exception {
    if (simulator != null) {
      simulator.terminate();
      simulator.close();
    }
  }

  @BeforeEach
  void healthyPlan() {
    assertThat(wschaos("plan", "reset").status()).isZero();
  }

  /** {@code wschaos args... --admin URL --admin-token T}, in this JVM. */
  private static Result wschaos(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--admin", admin.toString(), "--admin-token", TOKEN));
    return wschaosAsIs(all.toArray(String[]::new));
  }

  private static Result wschaosAsIs(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = WsChaosCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    return new Result(status, out.toString(), err.toString());
  }

  @Test
  void planCheckShowApplyAndRuleEdits(@TempDir Path dir) throws Exception {
    Result check = wschaosAsIs("plan", "check", "flaky-reconnect");
    assertThat(check.status()).isZero();
    assertThat(check.out()).contains("name: flaky-reconnect");
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "name: bad\nrules:\n  - fault: {type: close, code: 1006}\n");
    Result badCheck = wschaosAsIs("plan", "check", bad.toString());
    assertThat(badCheck.status()).isEqualTo(2);
    assertThat(badCheck.err()).contains("bad.yaml:3:26: rules[0].fault.code").doesNotContain("Exception", "\tat ");

    Result badApply = wschaos("plan", "apply", bad.toString());
    assertThat(badApply.status()).isEqualTo(2);
    assertThat(badApply.err()).contains(bad + ":3:26: rules[0].fault.code").doesNotContain("\tat ");

    Result apply = wschaos("plan", "apply", "flaky-reconnect");
    assertThat(apply.status()).as(apply.err()).isZero();
    assertThat(apply.out()).startsWith("plan 'flaky-reconnect' applied (");
    assertThat(wschaos("plan", "show").out()).contains("name: flaky-reconnect");
    JsonNode shown = Json.tree(wschaos("plan", "show", "--json").out());
    assertThat(shown.path("name").asText()).isEqualTo("flaky-reconnect");
    assertThat(shown.path("rules").isArray()).isTrue();

    Result added = wschaos("plan", "add-rule", "{name: boom, match: {clientId: nobody}, fault: {type: close, code: 1011}}");
    assertThat(added.status()).as(added.err()).isZero();
    assertThat(added.out()).isEqualTo("rule 'boom' added" + System.lineSeparator());
    Result duplicate = wschaos("plan", "add-rule", "{name: boom, fault: {type: close, code: 1011}}");
    assertThat(duplicate.status()).isEqualTo(2);
    assertThat(duplicate.err()).contains("boom").doesNotContain("\tat ");
    Result invalid = wschaos("plan", "add-rule", "{name: bad,\n fault: {type: close, code: 1006}}");
    assertThat(invalid.status()).isEqualTo(2);
    assertThat(invalid.err()).contains("the rule argument:2:", "fault.code");

    Result put = wschaos("plan", "put-rule", "boom", "{match: {clientId: nobody}, fault: {type: close, code: 1012}}",
        "--json");
    assertThat(put.status()).as(put.err()).isZero();
    JsonNode rule = Json.tree(put.out());
    assertThat(rule.path("name").asText()).isEqualTo("boom");
    assertThat(rule.path("fault").path("code").asInt()).isEqualTo(1012);
    assertThat(wschaos("plan", "show").out()).contains("code: 1012");

    assertThat(wschaos("plan", "remove-rule", "boom").out()).isEqualTo("rule 'boom' removed" + System.lineSeparator());
    Result missing = wschaos("plan", "remove-rule", "boom");
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).contains("no rule named 'boom'");

    Result reset = wschaos("plan", "reset");
    assertThat(reset.out()).isEqualTo("plan 'healthy' applied (0 rules)" + System.lineSeparator());
  }

  @Test
  void connectionsTableJsonAndFleetActions() throws Exception {
    try (JdkClient a = JdkClient.connect(ws.resolve("/feed?clientId=cli-a"));
         JdkClient b = JdkClient.connect(ws.resolve("/feed?clientId=cli-b"))) {
      a.send("x");
      assertThat(a.nextMessage()).isEqualTo("x");
      Result table = wschaos("connections", "--client", "cli-*");
      assertThat(table.status()).isZero();
      List<String> lines = table.out().lines().toList();
      assertThat(lines.get(0)).startsWith("ID").contains("CLIENT", "PATH", "ATTEMPT", "IN", "OUT", "FAULTS");
      assertThat(lines).anyMatch(l -> l.contains("cli-a") && l.contains("/feed"))
          .anyMatch(l -> l.contains("cli-b"));
      JsonNode json = Json.tree(wschaos("connections", "--client", "cli-a", "--json").out());
      assertThat(json.isArray()).isTrue();
      assertThat(json).hasSize(1);
      assertThat(json.get(0).path("clientId").asText()).isEqualTo("cli-a");
      assertThat(json.get(0).path("messagesIn").asLong()).isEqualTo(1);

      Result close = wschaos("act", "close", "--code", "4001", "--reason", "bye", "--client", "cli-a");
      assertThat(close.status()).as(close.err()).isZero();
      assertThat(close.out()).startsWith("close 4001 'bye'").endsWith(": 1 connection" + System.lineSeparator());
      assertThat(a.awaitClose()).isEqualTo(new JdkClient.Closed(4001, "bye"));

      Result drop = wschaos("act", "drop", "--client", "cli-b", "--json");
      assertThat(drop.status()).as(drop.err()).isZero();
      JsonNode result = Json.tree(drop.out());
      assertThat(result.path("selected").asInt()).isEqualTo(1);
      assertThat(result.path("action").asText()).startsWith("drop");
      assertThat(b.awaitClose().code()).isEqualTo(1006);
    }
    assertThat(wschaos("act", "reset", "--client", "nobody", "--spread", "1s").out()).endsWith(": 0 connections"
        + System.lineSeparator());
    assertThat(wschaos("act", "half-open", "--client", "nobody", "--for", "1s", "--count", "3").status()).isZero();

    Result both = wschaos("act", "close", "--code", "1012", "--share", "0.5", "--count", "2");
    assertThat(both.status()).isEqualTo(2);
    assertThat(both.err()).contains("mutually exclusive");
    Result refused = wschaos("act", "close", "--code", "1006");
    assertThat(refused.status()).isEqualTo(2);
    assertThat(refused.err()).contains("code", "1006").doesNotContain("\tat ");
    Result tooLong = wschaos("act", "outage", "--duration", "2h");
    assertThat(tooLong.status()).isEqualTo(2);
    assertThat(tooLong.err()).contains("duration");
    assertThat(wschaos("act", "outage").status()).isEqualTo(2);
  }

  @Test
  void journalFiltersByClientAndTypeAsTextOrJsonLines() throws Exception {
    JdkClient.connect(ws.resolve("/j?clientId=cli-j")).close();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(wschaos("journal", "--client", "cli-j", "--type", "closed").out()).contains("closed"));
    Result text = wschaos("journal", "--client", "cli-j", "--type", "opened,closed");
    assertThat(text.status()).isZero();
    List<String> lines = text.out().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).contains(" opened ", "client=cli-j", "path=/j", "attempt=1");
    assertThat(lines.get(1)).contains(" closed ", "client=cli-j", "code=");

    Result json = wschaos("journal", "--client", "cli-j", "--json");
    List<JsonNode> events = json.out().lines().map(Json::tree).toList();
    assertThat(events).isNotEmpty().allMatch(e -> e.path("clientId").asText().equals("cli-j"));
    assertThat(events).extracting(e -> e.path("type").asText()).contains("upgrade-received", "opened", "closed");

    Result unknown = wschaos("journal", "--type", "nope");
    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown event type 'nope'", "close-sent");
  }

  @ParameterizedTest
  @ValueSource(strings = {"INT", "TERM"})
  void journalFollowPrintsNewEventsUntilCtrlCOrSigterm(String signal) throws Exception {
    String client = "cli-follow-" + signal;
    try (SimulatorProcess follow = SimulatorProcess.start(
        Map.of("WSCHAOS_ADMIN_URL", admin.toString(), "WSCHAOS_ADMIN_TOKEN", TOKEN),
        "journal", "--follow", "--client", client, "--type", "opened", "--interval", "100ms")) {
      JdkClient.connect(ws.resolve("/?clientId=" + client)).close();
      String line = follow.nextLine();
      assertThat(line).contains(" opened ", "client=" + client);
      JdkClient.connect(ws.resolve("/?clientId=" + client)).close();
      assertThat(follow.nextLine()).contains(" opened ", "attempt=2");

      assertThat(follow.signal(signal)).isTrue();
      assertThat(follow.exitValue()).isZero();
    }
  }

  @Test
  void reportPrintsFindingsAndWritesTheHtml(@TempDir Path dir) throws Exception {
    try (JdkClient first = JdkClient.connect(ws.resolve("/?clientId=cli-r"))) {
      assertThat(wschaos("act", "close", "--code", "1008", "--reason", "policy", "--client", "cli-r").status()).isZero();
      assertThat(first.awaitClose().code()).isEqualTo(1008);
    }
    JdkClient.connect(ws.resolve("/?clientId=cli-r")).close();

    Path html = dir.resolve("reconnects.html");
    Result report = wschaos("report", "--html", html.toString());
    assertThat(report.status()).as(report.err()).isZero();
    assertThat(report.out()).contains("clients,", "attempts", "findings for")
        .containsPattern("reconnected-after-terminal-close +cli-r");
    assertThat(report.out()).contains("HTML report written to " + html.toAbsolutePath());
    assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("cli-r");

    JsonNode json = Json.tree(wschaos("report", "--json").out());
    assertThat(json.path("summary").path("clients").asInt()).isPositive();
    assertThat(json.path("findings")).anyMatch(f -> f.path("client").asText().equals("cli-r")
        && f.path("check").asText().equals("reconnected-after-terminal-close"));
  }

  @Test
  void reportWithAMinimumDelayFlagsReconnectsSoonerThanIt() throws Exception {
    try (JdkClient first = JdkClient.connect(ws.resolve("/?clientId=cli-hot"))) {
      assertThat(wschaos("act", "close", "--code", "1012", "--reason", "restart", "--client", "cli-hot").status())
          .isZero();
      assertThat(first.awaitClose().code()).isEqualTo(1012);
    }
    JdkClient.connect(ws.resolve("/?clientId=cli-hot")).close();

    assertThat(wschaos("report").out()).doesNotContainPattern("retried-too-fast +cli-hot");
    Result strict = wschaos("report", "--minimum-delay", "1h");
    assertThat(strict.status()).as(strict.err()).isZero();
    assertThat(strict.out()).containsPattern("retried-too-fast +cli-hot")
        .contains("under the minimum of 3600000 ms");
    HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        admin.resolve("/reconnects?minimumDelay=1h")).header("Authorization", "Bearer " + TOKEN).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(Json.tree(api.body()).path("settings").path("minimumDelay").asText()).isNotEmpty();

    Result bad = wschaos("report", "--minimum-delay", "500");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).contains("minimumDelay: '500' is not a duration such as 500ms or 2s (a unit is required)");
  }

  @Test
  void tlsCaPrintsOrWritesThePem(@TempDir Path dir) throws Exception {
    Result printed = wschaos("tls", "ca");
    assertThat(printed.status()).isZero();
    assertThat(printed.out()).startsWith("-----BEGIN CERTIFICATE-----");
    Path file = dir.resolve("ca.pem");
    Result written = wschaos("tls", "ca", "--out", file.toString());
    assertThat(written.out()).isEqualTo("CA written to " + file.toAbsolutePath() + System.lineSeparator());
    assertThat(Files.readString(file)).isEqualTo(printed.out());
  }

  @Test
  void aBadTokenIsRefusedWithExit2AndTheProblemDetail() {
    Result result = wschaosAsIs("connections", "--admin", admin.toString(), "--admin-token", "wrong");
    assertThat(result.status()).isEqualTo(2);
    assertThat(result.err()).startsWith("wschaos: the admin API at " + admin + " answered 401 Unauthorized")
        .doesNotContain("Exception", "\tat ");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void anUnreachableAdminUrlExitsWith1() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Result result = wschaosAsIs("plan", "show", "--admin", "http://127.0.0.1:" + port);
    assertThat(result.status()).isEqualTo(1);
    assertThat(result.err()).startsWith("wschaos: cannot reach the admin API at http://127.0.0.1:" + port)
        .doesNotContain("\tat ");
  }
}

package dev.wschaos.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.SimulatorProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone simulator as a user runs it: a separate JVM process, stopped with SIGTERM. */
class WsChaosCommandAcceptanceTest {

  private static final Pattern LISTENING = Pattern.compile("wschaos listening on (ws://\\S+) plan=(\\S+) seed=(-?\\d+)");

  @Test
  void startsWithAPlanInjectsItsFaultAndClosesClientsWith1001OnSigterm(@TempDir Path dir) throws Exception {
    Path plan = Files.writeString(dir.resolve("plan.yaml"), """
        name: cli-test
        rules:
          - match: {clientId: "victim"}
            trigger: {afterMessages: 2}
            fault: {type: close, code: 4321, reason: cli fault}
        """);
    try (SimulatorProcess process =
             SimulatorProcess.start("--port", "0", "--plan", plan.toString(), "--seed", "99", "--close-timeout", "1s")) {
      String line = process.nextLine();
      assertThat(line).isNotNull();
      Matcher m = LISTENING.matcher(line);
      assertThat(m.find()).as("first line: %s", line).isTrue();
      assertThat(m.group(2)).isEqualTo("cli-test");
      assertThat(m.group(3)).isEqualTo("99");
      URI url = URI.create(m.group(1));
      assertThat(url.getHost()).isEqualTo("127.0.0.1");

      try (JdkClient victim = JdkClient.connect(url.resolve("/?clientId=victim"))) {
        victim.send("a");
        victim.send("b");
        assertThat(victim.awaitClose()).isEqualTo(new JdkClient.Closed(4321, "cli fault"));
      }
      JdkClient bystander = JdkClient.connect(url.resolve("/?clientId=bystander"));
      bystander.send("hello");
      assertThat(bystander.nextMessage()).isEqualTo("hello");

      assertThat(process.terminate()).isTrue();
      assertThat(bystander.awaitClose()).isEqualTo(new JdkClient.Closed(1001, "server shutting down"));
      assertThat(process.exitValue()).isZero();
      assertThat(process.lines()).contains("wschaos stopped");
    }
  }

  @Test
  void anInvalidPlanExitsWith2AndALocatedMessageWithoutStackTrace(@TempDir Path dir) throws Exception {
    Path plan = Files.writeString(dir.resolve("bad.yaml"), "name: bad\nrules:\n  - fault: {type: close, code: 1006}\n");
    Process process = start("--port", "0", "--plan", plan.toString());
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(err).contains("bad.yaml:3:26: rules[0].fault.code: 1006 (abnormal closure) is never sent on the wire");
    assertThat(err).doesNotContain("\tat ", "Exception");
  }

  @Test
  void listPlansPrintsTheCatalogue() throws Exception {
    Process process = start("--list-plans");
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(out).contains("flaky-reconnect", "going-away-1001", "try-again-later-1013");
  }

  private static Process start(String... args) throws IOException {
    return new ProcessBuilder(SimulatorProcess.command(args)).start();
  }

}

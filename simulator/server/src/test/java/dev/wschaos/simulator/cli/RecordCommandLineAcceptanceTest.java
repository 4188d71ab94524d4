package dev.wschaos.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.plan.PlanLoader;
import dev.wschaos.simulator.support.JsonChatClient;
import dev.wschaos.simulator.support.JsonChatUpstream;
import dev.wschaos.simulator.support.SimulatorProcess;
import dev.wschaos.simulator.support.TestVertx;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --record FILE}: the proxied sessions are written as a plan when the process stops on SIGTERM. */
class RecordCommandLineAcceptanceTest {

  private static final Pattern LISTENING = Pattern.compile("wschaos listening on (ws://\\S+) ");

  @Test
  void sigtermWritesTheRecordingAsAPlanThatServesTheSameClient(@TempDir Path dir) throws Exception {
    try (JsonChatUpstream upstream = JsonChatUpstream.start(TestVertx.shared())) {
      Path plan = Files.writeString(dir.resolve("proxy.yaml"), """
          name: proxy
          upstreams:
            - url: %s
              connectTimeout: 30s
          """.formatted(upstream.url()));
      Path recording = dir.resolve("chat-recorded.yaml");
      AtomicReference<List<String>> proxied = new AtomicReference<>();
      try (SimulatorProcess process = SimulatorProcess.start("--port", "0", "--plan", plan.toString(),
          "--record", recording.toString(), "--close-timeout", "1s")) {
        URI ws = wsUrl(process);
        try {
          // a cold child process on a loaded machine may miss the client's first handshake timeout: try again
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> {
          proxied.set(JsonChatClient.run(ws.resolve("/chat/lobby?clientId=c1"), "ana", "a1", "lobby", 7));
          return true;
        });
        } catch (Exception e) {
            throw e;
        }
        assertThat(process.terminate()).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(process.lines()).anySatisfy(line -> assertThat(line).startsWith("wschaos recording written to "));
      }
      assertThat(Files.readString(recording)).startsWith("# Recorded by wschaos from ");
      try (WsChaosServer replay = WsChaosServer.builder().plan(PlanLoader.load(recording)).start()) {
        assertThat(replay.plan().name()).isEqualTo("chat-recorded");
        assertThat(JsonChatClient.run(replay.wsUrl("/chat/lobby?clientId=c1"), "ana", "a1", "lobby", 7))
            .isEqualTo(proxied.get());
      }
    }
  }

  private static URI wsUrl(SimulatorProcess process) throws InterruptedException {
    String line = process.nextLine();
    Matcher m = LISTENING.matcher(line);
    assertThat(m.find()).as(line).isTrue();
    return URI.create(m.group(1));
  }
}

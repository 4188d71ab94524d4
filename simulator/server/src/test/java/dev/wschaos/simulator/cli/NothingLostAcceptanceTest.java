package dev.wschaos.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.RawClient;
import dev.wschaos.simulator.support.SimulatorProcess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal and the report survive every way the process can end: SIGTERM under load, a failed start, kill -9. */
class NothingLostAcceptanceTest {

  private static final Pattern LISTENING = Pattern.compile("wschaos listening on (ws://\\S+) ");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void sigtermUnderLoadWritesTheReportAndEveryCloseToTheJournal(@TempDir Path dir) throws Exception {
    Path journal = dir.resolve("journal.jsonl");
    Path report = dir.resolve("reconnects.json");
    try (SimulatorProcess process = SimulatorProcess.start("--port", "0", "--journal", journal.toString(),
        "--report", report.toString(), "--close-timeout", "1s")) {
      URI ws = wsUrl(process);
      List<JdkClient> clients = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        clients.add(JdkClient.connect(ws.resolve("/?clientId=load-" + i)));
      }
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicLong churned = new AtomicLong();
      Thread churn = churn(ws, running, churned);
      Thread senders = new Thread(() -> {
        while (running.get()) {
          for (JdkClient c : clients) {
            try {
              c.send("x".repeat(100));
            } catch (Exception | AssertionError e) {
              return;
            }
          }
        }
      });
      senders.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> churned.get() >= 20);

      assertThat(process.terminate()).isTrue();
      running.set(false);
      churn.join(10_000);
      senders.join(10_000);
      clients.forEach(JdkClient::close);

      assertThat(process.exitValue()).isZero();
      assertThat(JSON.readTree(report.toFile()).toString()).contains("load-0");
      List<JsonNode> events = parseAll(journal, true);
      long opened = events.stream().filter(e -> e.path("type").asText().equals("opened")).count();
      long closed = events.stream().filter(e -> e.path("type").asText().equals("closed")).count();
      assertThat(opened).isGreaterThanOrEqualTo(20 + churned.get() - 1);
      assertThat(closed).as("every opened connection's close is in the file").isEqualTo(opened);
    }
  }

  @Test
  void aFailedStartLeavesAValidJournalAndExits1(@TempDir Path dir) throws Exception {
    Path journal = dir.resolve("journal.jsonl");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
         SimulatorProcess process = SimulatorProcess.start("--port", "0", "--journal", journal.toString(),
             "--admin-port", Integer.toString(taken.getLocalPort()))) {
      assertThat(process.waitFor(30)).isTrue();
      assertThat(process.exitValue()).isEqualTo(1);
      assertThat(journal).exists();
      parseAll(journal, true);
    }
  }

  @Test
  void killMinus9LeavesWholeJsonLines(@TempDir Path dir) throws Exception {
    Path journal = dir.resolve("journal.jsonl");
    try (SimulatorProcess process = SimulatorProcess.start("--port", "0", "--journal", journal.toString())) {
      URI ws = wsUrl(process);
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicLong churned = new AtomicLong();
      Thread churn = churn(ws, running, churned);
      await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(journal) && Files.size(journal) > 20_000);

      process.kill();
      running.set(false);
      churn.join(10_000);

      List<JsonNode> events = parseAll(journal, false);
      assertThat(events).hasSizeGreaterThan(10);
    }
  }

  private static Thread churn(URI ws, AtomicBoolean running, AtomicLong churned) {
    Thread thread = new Thread(() -> {
      while (running.get()) {
        try (RawClient raw = RawClient.upgraded(ws.resolve("/?clientId=churn-" + churned.get()))) {
          churned.incrementAndGet();
        } catch (Exception e) {
          return;
        }
      }
    }, "churn");
    thread.start();
    return thread;
  }

  private static URI wsUrl(SimulatorProcess process) throws InterruptedException {
    String line = process.nextLine();
    Matcher m = LISTENING.matcher(String.valueOf(line));
    assertThat(m.find()).as("first line: %s", line).isTrue();
    return URI.create(m.group(1));
  }

  /** Every line ending in a newline is one JSON object; after kill -9 a last line without one may be cut. */
  private static List<JsonNode> parseAll(Path journal, boolean mustEndWithNewline) throws Exception {
    String text = Files.readString(journal, StandardCharsets.UTF_8);
    if (mustEndWithNewline) {
      assertThat(text.isEmpty() || text.endsWith("\n")).as("the file ends with a whole line").isTrue();
    }
    List<JsonNode> events = new ArrayList<>();
    int end = text.lastIndexOf('\n');
    if (end < 0) {
      return events;
    }
    for (String line : text.substring(0, end).split("\n")) {
      JsonNode node = JSON.readTree(line);
      assertThat(node.isObject()).as(line).isTrue();
      events.add(node);
    }
    return events;
  }
}

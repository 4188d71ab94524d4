package dev.wschaos.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.SimulatorProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone simulator with its control plane, as an operator runs it: admin API behind a token, a fleet action
 * over HTTP, the journal as JSON lines, and the reconnect report written at SIGTERM.
 */
class AdminCommandLineAcceptanceTest {

  private static final Pattern LISTENING =
      Pattern.compile("wschaos listening on (ws://\\S+) plan=\\S+ seed=-?\\d+ admin=(http://\\S+)");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void adminApiJournalAndReportFromTheCommandLine(@TempDir Path dir) throws Exception {
    Path journal = dir.resolve("journal.jsonl");
    Path report = dir.resolve("reconnects.html");
    try (SimulatorProcess process = SimulatorProcess.start("--port", "0", "--admin-port", "0", "--admin-token",
        "s3cret", "--journal", journal.toString(), "--report", report.toString(), "--close-timeout", "1s")) {
      String line = process.nextLine();
      Matcher m = LISTENING.matcher(String.valueOf(line));
      assertThat(m.find()).as("first line: %s", line).isTrue();
      URI ws = URI.create(m.group(1));
      URI admin = URI.create(m.group(2));
      assertThat(admin.getHost()).isEqualTo("127.0.0.1");

      assertThat(get(admin.resolve("/health"), null).statusCode()).isEqualTo(401);
      HttpResponse<String> health = get(admin.resolve("/health"), "s3cret");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"UP\"");

      try (JdkClient client = JdkClient.connect(ws.resolve("/?clientId=ops-1"))) {
        client.send("hello");
        assertThat(client.nextMessage()).isEqualTo("hello");
        HttpResponse<String> acted = HTTP.send(HttpRequest.newBuilder(admin.resolve("/actions"))
            .header("Authorization", "Bearer s3cret").header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"close\",\"code\":1012,\"reason\":\"restart\"}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(acted.statusCode()).isEqualTo(202);
        assertThat(acted.body()).contains("\"selected\":1");
        assertThat(client.awaitClose()).isEqualTo(new JdkClient.Closed(1012, "restart"));
      }
      JdkClient.connect(ws.resolve("/?clientId=ops-1")).close();

      HttpResponse<String> clientReport = get(admin.resolve("/reconnects/clients/ops-1"), "s3cret");
      assertThat(clientReport.statusCode()).isEqualTo(200);
      assertThat(clientReport.body()).contains("\"attempts\" : 2");

      assertThat(process.terminate()).isTrue();
      assertThat(process.exitValue()).isZero();
      assertThat(process.lines()).contains("wschaos reconnect report written to " + report.toAbsolutePath(), "wschaos stopped");
      String html = Files.readString(report);
      assertThat(html).startsWith("<!DOCTYPE html>").contains("Reconnect report", "ops-1");
      List<String> events = Files.readAllLines(journal);
      assertThat(events).anyMatch(e -> e.contains("\"type\":\"close-sent\"") && e.contains("\"code\":1012"));
      assertThat(events).anyMatch(e -> e.contains("\"type\":\"fleet-action\""));
    }
  }

  private static HttpResponse<String> get(URI uri, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}

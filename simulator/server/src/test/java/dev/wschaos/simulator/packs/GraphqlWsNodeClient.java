package dev.wschaos.simulator.packs;

import static dev.wschaos.simulator.support.Commands.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The reference {@code graphql-ws} client (npm {@code graphql-ws}, pinned by
 * {@code src/test/node/graphql-ws-client/package-lock.json}) run through node: {@code client.mjs} subscribes once
 * and prints what it observes as JSON lines, read here into {@link #events()}. Installs its packages once per
 * {@code target/} with {@code npm ci}; the test is skipped with a message when node or npm is missing or the
 * install fails.
 */
final class GraphqlWsNodeClient implements AutoCloseable {

  private static final Path SOURCE = Path.of("src/test/node/graphql-ws-client");
  private static final Path WORK = Path.of("target/graphql-ws-client");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final List<JsonNode> events = new ArrayList<>();

  private GraphqlWsNodeClient(Process process) {
    this.process = process;
    Thread reader = new Thread(this::read, "graphql-ws-client-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** Prepare the client (skipping the calling test when that is impossible) and start it against {@code url}. */
  static GraphqlWsNodeClient start(URI url) {
    prepare();
    try {
      return new GraphqlWsNodeClient(new ProcessBuilder("node", "client.mjs", url.toString())
          .directory(WORK.toFile()).redirectError(WORK.resolve("client.err").toFile()).start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized List<JsonNode> events() {
    return List.copyOf(events);
  }

  /** The observed events as compact lines, for messages and order assertions ({@code next} events left out). */
  synchronized List<String> milestones() {
    return events.stream().filter(e -> !e.path("event").asText().equals("next")).map(JsonNode::toString).toList();
  }

  synchronized List<Long> seqs() {
    return events.stream().filter(e -> e.path("event").asText().equals("next")).map(e -> e.get("seq").asLong())
        .toList();
  }

  /** How many {@code next} came after the {@code n}th {@code connected} (from 1). */
  synchronized long nextsOnConnection(int n) {
    int connected = 0;
    long count = 0;
    for (JsonNode e : events) {
      String kind = e.path("event").asText();
      if (kind.equals("connected")) {
        connected++;
      } else if (kind.equals("next") && connected == n) {
        count++;
      }
    }
    return count;
  }

  private void read() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        JsonNode event = JSON.readTree(line);
        synchronized (this) {
          events.add(event);
        }
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  private static synchronized void prepare() {
    Assumptions.assumeTrue(runs(Path.of("."), "node", "--version"), "node is not installed: graphql-ws client skipped");
    try {
      Files.createDirectories(WORK);
      for (String file : List.of("package.json", "package-lock.json", "client.mjs")) {
        Files.copy(SOURCE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!Files.isDirectory(WORK.resolve("node_modules/graphql-ws"))) {
      Assumptions.assumeTrue(runs(WORK, "npm", "ci", "--no-audit", "--no-fund", "--prefer-offline"),
          "npm ci failed in " + WORK + " (no npm, or the registry is unreachable): graphql-ws client skipped");
    }
  }
}

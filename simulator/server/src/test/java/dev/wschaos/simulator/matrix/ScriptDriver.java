package dev.wschaos.simulator.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A column driven by a script in another runtime (Node, Python): one long-lived process for the whole run, fed cells
 * as JSON lines on stdin ({@code {"id", "url", "step", "ca"}}), answering with JSON lines
 * ({@code {"id", "event", "final"}}) that go to the cell's {@link Recorder}. The script's first line is
 * {@code {"ready": "<library> <version>"}}. A script that cannot start makes the column unavailable, with the reason.
 */
abstract class ScriptDriver implements ClientDriver {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long READY_SECONDS = 30;

  private final Map<String, Recorder> running = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();
  private final CompletableFuture<String> ready = new CompletableFuture<>();
  private Process process;
  private Writer stdin;
  private String unavailable;

  /** Starts {@code command} in {@code dir}, or records why the column cannot run. Call from the constructor. */
  protected final void start(String whyNot, Path dir, List<String> command) {
    if (whyNot != null) {
      unavailable = whyNot;
      return;
    }
    try {
      Files.createDirectories(Path.of("target"));
      process = new ProcessBuilder(command).directory(dir.toFile())
          .redirectError(Path.of("target", "matrix-" + id() + ".err").toAbsolutePath().toFile()).start();
      stdin = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      Thread reader = new Thread(this::read, "matrix-" + id() + "-stdout");
      reader.setDaemon(true);
      reader.start();
      ready.get(READY_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      unavailable = String.join(" ", command) + " did not start (" + Recorder.describe(e) + "); see target/matrix-"
          + id() + ".err";
    }
  }

  /** The {@code ready} line's library and version, or {@code fallback} when the script is not running. */
  protected final String library(String fallback) {
    return unavailable != null || !ready.isDone() || ready.isCompletedExceptionally() ? fallback : ready.join();
  }

  @Override
  public String unavailable() {
    return unavailable;
  }

  @Override
  public Observation observe(Cell cell) throws Exception {
    String id = Long.toString(ids.incrementAndGet());
    Recorder recorder = new Recorder();
    running.put(id, recorder);
    ObjectNode line = JSON.createObjectNode().put("id", id).put("url", cell.url().toString())
        .put("step", cell.step().name()).put("ca", cell.ca() == null ? null : cell.ca().pem());
    synchronized (this) {
      stdin.write(JSON.writeValueAsString(line) + "\n");
      stdin.flush();
    }
    try {
      return recorder.await(cell.timeout());
    } finally {
      running.remove(id);
    }
  }

  private void read() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String text; (text = in.readLine()) != null; ) {
        JsonNode line = JSON.readTree(text);
        if (line.has("ready")) {
          ready.complete(line.get("ready").asText());
          continue;
        }
        Recorder recorder = running.get(line.path("id").asText());
        if (recorder == null) {
          continue;
        }
        if (line.path("final").asBoolean()) {
          recorder.finish(line.path("event").asText());
        } else {
          recorder.event(line.path("event").asText());
        }
      }
    } catch (IOException e) {
      // the process ended
    }
    ready.completeExceptionally(new IllegalStateException("the script exited"));
  }

  @Override
  public void close() throws Exception {
    if (process != null) {
      stdin.close();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}

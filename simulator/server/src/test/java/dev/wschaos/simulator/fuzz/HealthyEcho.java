package dev.wschaos.simulator.fuzz;

import dev.wschaos.simulator.support.JdkClient;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A well-behaved client beside a fuzzer: sends a text every 100 ms on one connection and waits for its echo, for as
 * long as the fuzzer runs. An echo that does not come within 10 s, or a wrong one, is a problem.
 */
final class HealthyEcho implements AutoCloseable {

  /** What the client saw: echoes, missed ones, the slowest round trip, and the first problem (null: none). */
  record Figures(long echoes, long missed, long slowestMs, String problem) {}

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final JdkClient client;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;
  private volatile Figures figures = new Figures(0, 0, 0, null);

  private HealthyEcho(JdkClient client) {
    this.client = client;
    this.thread = new Thread(this::loop, "healthy-echo");
  }

  static HealthyEcho start(URI uri) throws Exception {
    HealthyEcho echo = new HealthyEcho(JdkClient.connect(uri));
    echo.thread.start();
    return echo;
  }

  private void loop() {
    long echoes = 0;
    long missed = 0;
    long slowest = 0;
    String problem = null;
    try {
      while (running.get()) {
        String text = "healthy " + echoes;
        long sentAt = System.nanoTime();
        client.send(text);
        String echo = client.pollMessage(WAIT);
        long ms = (System.nanoTime() - sentAt) / 1_000_000;
        if (echo == null) {
          missed++;
          problem = problem == null ? "no echo of '" + text + "' within " + WAIT : problem;
        } else if (!echo.equals(text)) {
          problem = problem == null ? "'" + echo + "' instead of '" + text + "'" : problem;
        } else {
          echoes++;
          slowest = Math.max(slowest, ms);
        }
        figures = new Figures(echoes, missed, slowest, problem);
        Thread.sleep(100);
      }
    } catch (Exception e) {
      figures = new Figures(echoes, missed, slowest, "the healthy client failed: " + e);
    }
  }

  /** Stop sending; the figures so far. */
  Figures stop() throws InterruptedException {
    running.set(false);
    thread.join(WAIT.toMillis() * 2);
    return figures;
  }

  @Override
  public void close() {
    client.close();
  }
}

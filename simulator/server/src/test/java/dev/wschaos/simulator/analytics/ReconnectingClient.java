package dev.wschaos.simulator.analytics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A JDK WebSocket client with a known reconnect policy, for analytics acceptance tests. It keeps reconnecting until
 * it has stayed connected for {@code stayConnected}, then closes normally (1000) and stops. Every attempt is also
 * reported to an {@link AttemptRecorder}, as the server would report it, so the analytics pipeline can be checked
 * against the policy the client really followed.
 *
 * <pre>{@code
 * ReconnectingClient c = ReconnectingClient.exponential("c1", 100, 2, 2000, new Random(1));
 * c.start(server.wsUrl("/?clientId=c1"), recorder);
 * c.awaitDone(Duration.ofSeconds(30));
 * }</pre>
 */
final class ReconnectingClient {

  /** The delay before retry {@code k} (0 = first retry after a stable connection or the start). */
  interface Policy {
    long delayMillis(int retryIndex);
  }

  /** What the client itself observed for one attempt. */
  record Observed(int number, long startNanos, Integer status, Integer closeCode, long delayBeforeMillis) {}

  private final String clientId;
  private final Policy policy;
  private final boolean honoursTerminalCodes;
  private final Duration stayConnected;
  private final List<Observed> observed = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Void> done = new CompletableFuture<>();

  ReconnectingClient(String clientId, Policy policy, boolean honoursTerminalCodes, Duration stayConnected) {
    this.clientId = clientId;
    this.policy = policy;
    this.honoursTerminalCodes = honoursTerminalCodes;
    this.stayConnected = stayConnected;
  }

  /** {@code random(0, min(cap, base * factor^k))}: exponential backoff with a cap and full jitter. */
  static ReconnectingClient exponential(String id, long baseMillis, double factor, long capMillis, Random random) {
    return new ReconnectingClient(id,
        k -> (long) (random.nextDouble() * Math.min(capMillis, baseMillis * Math.pow(factor, k))), true,
        Duration.ofMillis(300));
  }

  /** Retries at once, every time. */
  static ReconnectingClient immediate(String id) {
    return new ReconnectingClient(id, k -> 0, true, Duration.ofMillis(300));
  }

  /** Waits {@code delayMillis} and reconnects whatever the close code, 1008 included. */
  static ReconnectingClient ignoringTerminalCodes(String id, long delayMillis) {
    return new ReconnectingClient(id, k -> delayMillis, false, Duration.ofMillis(300));
  }

  List<Observed> observed() {
    return observed;
  }

  void awaitDone(Duration timeout) throws Exception {
    done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Run the reconnect loop on a thread of its own (the client's backoff sleeps there, as a real client's would). */
  void start(URI uri, AttemptRecorder recorder) {
    Thread thread = new Thread(() -> {
      try {
        loop(uri, recorder);
        done.complete(null);
      } catch (Throwable e) {
        done.completeExceptionally(e);
      }
    }, "reconnecting-" + clientId);
    thread.setDaemon(true);
    thread.start();
  }

  private void loop(URI uri, AttemptRecorder recorder) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    int retryIndex = 0;
    long delay = 0;
    for (int number = 1; number <= 200; number++) {
      long start = System.nanoTime();
      long handle = recorder.upgradeReceived(clientId, "127.0.0.1", number, false);
      Listener listener = new Listener();
      try {
        WebSocket ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
            .buildAsync(uri, listener).get(10, TimeUnit.SECONDS);
        recorder.opened(handle);
        long openedAt = System.nanoTime();
        Integer code = listener.closed.completeOnTimeout(-1, stayConnected.toMillis(), TimeUnit.MILLISECONDS).get();
        if (code == -1) {
          recorder.closed(handle, DisconnectKind.CLIENT_CLOSE, 1000, "done");
          ws.sendClose(1000, "done").get(5, TimeUnit.SECONDS);
          observed.add(new Observed(number, start, 101, 1000, delay));
          return;
        }
        recorder.closed(handle, code == 1006 ? DisconnectKind.DROPPED : DisconnectKind.SERVER_CLOSE,
            code == 1006 ? null : code, listener.reason);
        observed.add(new Observed(number, start, 101, code, delay));
        boolean terminal = AnalyticsSettings.defaults().isTerminal(code);
        if (terminal && honoursTerminalCodes) {
          return;
        }
        retryIndex = System.nanoTime() - openedAt >= Duration.ofSeconds(1).toNanos() ? 0 : retryIndex + 1;
      } catch (ExecutionException e) {
        if (e.getCause() instanceof WebSocketHandshakeException refused) {
          int status = refused.getResponse().statusCode();
          Integer retryAfter = AdvisedDelay.retryAfterSeconds(
              refused.getResponse().headers().firstValue("Retry-After").orElse(null));
          recorder.rejected(handle, status, retryAfter);
          observed.add(new Observed(number, start, status, null, delay));
        } else {
          recorder.aborted(handle);
          observed.add(new Observed(number, start, null, null, delay));
        }
        retryIndex = number == 1 ? 0 : retryIndex + 1;
      }
      delay = policy.delayMillis(number == 1 ? 0 : retryIndex);
      Thread.sleep(delay);
    }
  }

  private static final class Listener implements WebSocket.Listener {
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    volatile String reason;

    @Override
    public void onOpen(WebSocket webSocket) {
      webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      this.reason = reason;
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(1006);
    }
  }
}

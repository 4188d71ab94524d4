package dev.wschaos.simulator.examples;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kind of client the examples test: a small reconnecting feed client on the JDK's {@code java.net.http}
 * WebSocket, as an application would write one. It reconnects with exponential backoff ({@code base * factor^k},
 * capped, optionally with full jitter), waits at least a 503's {@code Retry-After}, gives up on terminal close codes,
 * can resume a ticker stream with {@code ?lastSeq=N}, and can give up a connection that went quiet.
 *
 * <pre>{@code
 * FeedClient client = FeedClient.to(wschaos.wsUrl("/feed"), "c1")
 *     .backoff(Duration.ofMillis(50), 2.0, Duration.ofSeconds(5))
 *     .giveUpOn(1008)
 *     .resume(true)
 *     .start();
 * }</pre>
 */
public final class FeedClient implements AutoCloseable {

  private static final Pattern SEQ = Pattern.compile("\"seq\"\\s*:\\s*(\\d+)");
  private static final Duration STABLE = Duration.ofSeconds(1);

  private final URI base;
  private final String clientId;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "feed-client-timer");
    t.setDaemon(true);
    return t;
  });
  private final List<Long> received = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Integer> gaveUp = new CompletableFuture<>();
  private final List<String> log = new CopyOnWriteArrayList<>();

  private Duration baseDelay = Duration.ofMillis(100);
  private double factor = 2;
  private Duration cap = Duration.ofSeconds(30);
  private Random jitter;
  private Set<Integer> terminalCodes = Set.of();
  private boolean honourRetryAfter = true;
  private boolean resume;
  private String sendOnOpen;
  private Duration idleTimeout;

  private volatile WebSocket socket;
  private volatile boolean closed;
  private volatile long lastSeq = -1;
  private volatile long lastHeardNanos;
  private int retryIndex;
  private long openedAt;

  private FeedClient(URI base, String clientId) {
    this.base = base;
    this.clientId = clientId;
  }

  /** A client for {@code base} (no query) that identifies itself as {@code clientId}. */
  public static FeedClient to(URI base, String clientId) {
    return new FeedClient(base, clientId);
  }

  /** Wait {@code min(cap, base * factor^k)} before retry {@code k}. */
  public FeedClient backoff(Duration base, double factor, Duration cap) {
    this.baseDelay = base;
    this.factor = factor;
    this.cap = cap;
    return this;
  }

  /** Full jitter: a random share of the backoff delay. */
  public FeedClient fullJitter(Random random) {
    this.jitter = random;
    return this;
  }

  /** Stop reconnecting after a close with one of these codes. */
  public FeedClient giveUpOn(Integer... codes) {
    this.terminalCodes = Set.of(codes);
    return this;
  }

  /** Whether to wait at least a rejection's {@code Retry-After} (default true). */
  public FeedClient honourRetryAfter(boolean value) {
    this.honourRetryAfter = value;
    return this;
  }

  /** Reconnect with {@code ?lastSeq=N}, N the last tick received. */
  public FeedClient resume(boolean value) {
    this.resume = value;
    return this;
  }

  /**
   * Give a connection up when nothing arrived for {@code timeout} (a feed that ticks should never be quiet that
   * long): how a client notices a link that died without telling it.
   */
  public FeedClient idleTimeout(Duration timeout) {
    this.idleTimeout = timeout;
    return this;
  }

  /** Send this text each time a connection opens (a subscription). */
  public FeedClient sendOnOpen(String text) {
    this.sendOnOpen = text;
    return this;
  }

  public FeedClient start() {
    if (idleTimeout != null) {
      long every = Math.max(10, idleTimeout.toMillis() / 4);
      timer.scheduleAtFixedRate(this::checkIdle, every, every, TimeUnit.MILLISECONDS);
    }
    connect();
    return this;
  }

  /** The ticks' sequence numbers, in the order received. */
  public List<Long> received() {
    return List.copyOf(received);
  }

  /** What the client saw and did, one line each ("open", "close 1006 ''", "retry in 100 ms", ...). */
  public List<String> log() {
    return List.copyOf(log);
  }

  /** Completes with the close code when the client gave up. */
  public CompletableFuture<Integer> gaveUp() {
    return gaveUp;
  }

  @Override
  public void close() {
    closed = true;
    timer.shutdownNow();
    WebSocket ws = socket;
    if (ws != null) {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
  }

  private void connect() {
    if (closed) {
      return;
    }
    String query = "?clientId=" + clientId + (resume && lastSeq >= 0 ? "&lastSeq=" + lastSeq : "");
    log.add("connect " + query);
    http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
        .buildAsync(URI.create(base + query), new Listener())
        .whenComplete((ws, error) -> {
          if (error != null) {
            log.add("failed " + error);
            retry(retryAfter(error));
          }
        });
  }

  private long retryAfter(Throwable error) {
    Throwable cause = error.getCause() != null ? error.getCause() : error;
    if (honourRetryAfter && cause instanceof WebSocketHandshakeException rejected) {
      return rejected.getResponse().headers().firstValue("Retry-After")
          .map(s -> Long.parseLong(s.trim()) * 1000).orElse(0L);
    }
    return 0;
  }

  private synchronized void retry(long atLeastMillis) {
    if (closed) {
      return;
    }
    long envelope = (long) Math.min(cap.toMillis(), baseDelay.toMillis() * Math.pow(factor, retryIndex++));
    long delay = jitter == null ? envelope : (long) (jitter.nextDouble() * envelope);
    log.add("retry in " + Math.max(delay, atLeastMillis) + " ms");
    timer.schedule(this::connect, Math.max(delay, atLeastMillis), TimeUnit.MILLISECONDS);
  }

  private synchronized void opened(WebSocket webSocket) {
    socket = webSocket;
    openedAt = System.nanoTime();
    lastHeardNanos = openedAt;
  }

  private void checkIdle() {
    WebSocket ws = socket;
    if (ws != null && System.nanoTime() - lastHeardNanos > idleTimeout.toNanos()) {
      log.add("idle for " + idleTimeout.toMillis() + " ms: abort");
      lost(ws, 1006);
      ws.abort();
    }
  }

  private synchronized void lost(WebSocket webSocket, int code) {
    if (webSocket != socket) {
      return;
    }
    socket = null;
    if (System.nanoTime() - openedAt >= STABLE.toNanos()) {
      retryIndex = 0;
    }
    if (terminalCodes.contains(code)) {
      closed = true;
      gaveUp.complete(code);
      return;
    }
    retry(0);
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public void onOpen(WebSocket webSocket) {
      log.add("open");
      opened(webSocket);
      if (sendOnOpen != null) {
        webSocket.sendText(sendOnOpen, true);
      }
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      lastHeardNanos = System.nanoTime();
      text.append(data);
      if (last) {
        Matcher m = SEQ.matcher(text);
        if (m.find()) {
          long seq = Long.parseLong(m.group(1));
          received.add(seq);
          lastSeq = seq;
        }
        text.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      log.add("close " + statusCode + " '" + reason + "'");
      lost(webSocket, statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      log.add("error " + error);
      lost(webSocket, 1006);
    }
  }
}

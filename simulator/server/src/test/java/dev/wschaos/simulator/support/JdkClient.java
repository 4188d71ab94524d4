package dev.wschaos.simulator.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A {@code java.net.http.WebSocket} that records what it observes: messages, the close code and reason, errors. */
public final class JdkClient implements AutoCloseable {

  public static final Duration WAIT = Duration.ofSeconds(10);

  /** What the client saw when the server closed. */
  public record Closed(int code, String reason) {}

  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private final BlockingQueue<byte[]> binaries = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> pongs = new LinkedBlockingQueue<>();
  private final CompletableFuture<Closed> closed = new CompletableFuture<>();
  private final CompletableFuture<Throwable> error = new CompletableFuture<>();
  private final WebSocket webSocket;
  private volatile Instant closedAt;

  private JdkClient(WebSocket webSocket) {
    this.webSocket = webSocket;
  }

  /** Connect, or throw what the JDK threw (e.g. {@link WebSocketHandshakeException}). */
  public static JdkClient connect(URI uri) throws Exception {
    return connect(uri, Map.of(), List.of());
  }

  public static JdkClient connect(URI uri, Map<String, String> headers, List<String> subprotocols) throws Exception {
    return connect(HttpClient.newHttpClient(), uri, headers, subprotocols);
  }

  /** Connect with a configured client (e.g. an SSLContext trusting the wschaos test CA for wss://). */
  public static JdkClient connect(HttpClient http, URI uri) throws Exception {
    return connect(http, uri, Map.of(), List.of());
  }

  public static JdkClient connect(HttpClient http, URI uri, Map<String, String> headers, List<String> subprotocols)
      throws Exception {
    Recorder recorder = new Recorder();
    WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(WAIT);
    headers.forEach(builder::header);
    if (!subprotocols.isEmpty()) {
      builder.subprotocols(subprotocols.get(0), subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
    }
    try {
      WebSocket ws = builder.buildAsync(uri, recorder).get(WAIT.toSeconds(), TimeUnit.SECONDS);
      return recorder.client;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** The failure of a connect attempt that is expected to fail. */
  public static Throwable connectFailure(URI uri) {
    return connectFailure(uri, Map.of(), List.of());
  }

  public static Throwable connectFailure(URI uri, Map<String, String> headers, List<String> subprotocols) {
    return connectFailure(HttpClient.newHttpClient(), uri, headers, subprotocols);
  }

  public static Throwable connectFailure(HttpClient http, URI uri) {
    return connectFailure(http, uri, Map.of(), List.of());
  }

  public static Throwable connectFailure(HttpClient http, URI uri, Map<String, String> headers,
                                         List<String> subprotocols) {
    try (JdkClient client = connect(http, uri, headers, subprotocols)) {
      throw new AssertionError("connected to " + uri + " although a failure was expected");
    } catch (AssertionError e) {
      throw e;
    } catch (Exception e) {
      return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }
  }

  public WebSocket webSocket() {
    return webSocket;
  }

  public void send(String text) {
    webSocket.sendText(text, true).join();
  }

  public String nextMessage() throws InterruptedException {
    String message = messages.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    if (message == null) {
      throw new AssertionError("no message within " + WAIT);
    }
    return message;
  }

  public String pollMessage(Duration wait) throws InterruptedException {
    return messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The next binary message, or null after {@code wait}. */
  public byte[] pollBinary(Duration wait) throws InterruptedException {
    return binaries.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Send a ping with {@code payload}. */
  public void ping(String payload) {
    webSocket.sendPing(ByteBuffer.wrap(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8))).join();
  }

  /** The payload of the next pong, or null after {@code wait}. */
  public String pollPong(Duration wait) throws InterruptedException {
    return pongs.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  public Closed awaitClose() throws Exception {
    try {
      return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("no close within " + WAIT + (error.isDone() ? "; error instead: " + error.join() : ""));
    }
  }

  public Throwable awaitError() throws Exception {
    try {
      return error.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("no error within " + WAIT + (closed.isDone() ? "; close instead: " + closed.join() : ""));
    }
  }

  public boolean isClosed() {
    return closed.isDone();
  }

  /** When the close frame arrived (this JVM's clock), or null while open. */
  public Instant closedAt() {
    return closedAt;
  }

  public boolean hasError() {
    return error.isDone();
  }

  @Override
  public void close() {
    webSocket.abort();
  }

  private static final class Recorder implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();
    private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();
    private JdkClient client;

    @Override
    public void onOpen(WebSocket webSocket) {
      client = new JdkClient(webSocket);
      webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        client.messages.add(text.toString());
        text.setLength(0);
      }
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      byte[] bytes = new byte[data.remaining()];
      data.get(bytes);
      binary.writeBytes(bytes);
      if (last) {
        client.binaries.add(binary.toByteArray());
        binary.reset();
      }
      return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
      byte[] bytes = new byte[message.remaining()];
      message.get(bytes);
      client.pongs.add(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      client.closedAt = Instant.now();
      client.closed.complete(new Closed(statusCode, reason));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      client.error.complete(error);
    }
  }
}

package dev.wschaos.simulator.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A Vert.x {@link WebSocketClient} connection that records what it observes. */
public final class VertxClient implements AutoCloseable {

  public static final Duration WAIT = Duration.ofSeconds(10);

  /** What the client saw when the connection ended: Vert.x reports 1006 when no close frame came. */
  public record Closed(Short code, String reason) {}

  private final WebSocketClient client;
  private final WebSocket webSocket;
  private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Closed> closed = new CompletableFuture<>();
  private final BlockingQueue<byte[]> binaries = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> pongs = new LinkedBlockingQueue<>();
  private final CompletableFuture<Throwable> error = new CompletableFuture<>();

  private VertxClient(WebSocketClient client, WebSocket webSocket) {
    this.client = client;
    this.webSocket = webSocket;
    if (webSocket.isClosed()) {
      // the server closed it before this callback ran (a fault on open): Vert.x refuses handlers on a closed socket
      closed.complete(new Closed(webSocket.closeStatusCode(), webSocket.closeReason()));
      return;
    }
    webSocket.textMessageHandler(messages::add);
    webSocket.binaryMessageHandler(data -> binaries.add(data.getBytes()));
    webSocket.pongHandler(data -> pongs.add(data.toString()));
    webSocket.exceptionHandler(error::complete);
    webSocket.closeHandler(v -> closed.complete(new Closed(webSocket.closeStatusCode(), webSocket.closeReason())));
  }

  public static WebSocketConnectOptions options(URI uri, Map<String, String> headers, List<String> subprotocols) {
    WebSocketConnectOptions options = new WebSocketConnectOptions()
        .setHost(uri.getHost())
        .setPort(uri.getPort())
        .setURI(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))
        .setSsl("wss".equals(uri.getScheme()))
        .setTimeout(WAIT.toMillis());
    headers.forEach(options::addHeader);
    if (!subprotocols.isEmpty()) {
      options.setSubProtocols(subprotocols);
    }
    return options;
  }

  public static VertxClient connect(Vertx vertx, URI uri) throws Exception {
    return connect(vertx, uri, Map.of(), List.of());
  }

  public static VertxClient connect(Vertx vertx, URI uri, Map<String, String> headers, List<String> subprotocols)
      throws Exception {
    return connect(vertx, new WebSocketClientOptions(), options(uri, headers, subprotocols));
  }

  /** Connect with client options of the test's choosing (limits, closing timeout); the connect timeout is set here. */
  public static VertxClient connect(Vertx vertx, URI uri, WebSocketClientOptions clientOptions) throws Exception {
    return connect(vertx, clientOptions, options(uri, Map.of(), List.of()));
  }

  /** Connect with configured client options (e.g. TLS trust for wss://); the connect timeout is set here. */
  public static VertxClient connect(Vertx vertx, WebSocketClientOptions clientOptions,
                                    WebSocketConnectOptions connectOptions) throws Exception {
    CompletableFuture<VertxClient> result = new CompletableFuture<>();
    WebSocketClient client = vertx.createWebSocketClient(
        new WebSocketClientOptions(clientOptions).setConnectTimeout((int) WAIT.toMillis()));
    // handlers must be set on the event loop before any frame arrives
    client.connect(connectOptions)
        .onSuccess(ws -> result.complete(new VertxClient(client, ws)))
        .onFailure(failure -> {
          client.close();
          result.completeExceptionally(failure);
        });
    try {
      return result.get(WAIT.toSeconds() + 1, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  public static Throwable connectFailure(Vertx vertx, URI uri) {
    return connectFailure(vertx, uri, Map.of(), List.of());
  }

  public static Throwable connectFailure(Vertx vertx, URI uri, Map<String, String> headers, List<String> subprotocols) {
    return connectFailure(vertx, new WebSocketClientOptions(), options(uri, headers, subprotocols));
  }

  public static Throwable connectFailure(Vertx vertx, WebSocketClientOptions clientOptions,
                                         WebSocketConnectOptions connectOptions) {
    try (VertxClient client = connect(vertx, clientOptions, connectOptions)) {
      throw new AssertionError("connected to " + connectOptions.getURI() + " on port " + connectOptions.getPort() + " although a failure was expected");
    } catch (AssertionError e) {
      throw e;
    } catch (Exception e) {
      return e;
    }
  }

  public WebSocket webSocket() {
    return webSocket;
  }

  public void send(String text) {
    webSocket.writeTextMessage(text);
  }

  public String nextMessage() throws InterruptedException {
    String message = messages.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    if (message == null) {
      throw new AssertionError("no message within " + WAIT);
    }
    return message;
  }

  /** The next message, or {@code null} if the connection closes first. */
  public String nextMessageOrClose() throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      String message = messages.poll(20, TimeUnit.MILLISECONDS);
      if (message != null) {
        return message;
      }
      if (closed.isDone()) {
        return messages.poll();
      }
    }
    throw new AssertionError("neither a message nor a close within " + WAIT);
  }

  public String pollMessage(Duration wait) throws InterruptedException {
    return messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  public byte[] pollBinary(Duration wait) throws InterruptedException {
    return binaries.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  public void ping(String payload) {
    webSocket.writePing(io.vertx.core.buffer.Buffer.buffer(payload));
  }

  public String pollPong(Duration wait) throws InterruptedException {
    return pongs.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The first exception Vert.x reported on this connection, if any yet. */
  public Throwable error() {
    return error.getNow(null);
  }

  public Closed awaitClose() throws Exception {
    try {
      return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("connection still open after " + WAIT);
    }
  }

  public boolean isClosed() {
    return closed.isDone();
  }

  @Override
  public void close() {
    if (!webSocket.isClosed()) {
      webSocket.close();
    }
    client.close();
  }
}

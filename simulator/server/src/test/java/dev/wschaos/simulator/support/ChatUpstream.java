package dev.wschaos.simulator.support;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.net.URI;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small chat-like service to proxy to in tests, on 127.0.0.1. Upgrades to {@code /chat/*} need
 * {@code Authorization: Bearer good} (else 403 with a body) and may offer {@code chat.v1}. On open it sends
 * {@code CONNECTED <uri> auth=<Authorization> cookie=<Cookie> origin=<Origin>}; then {@code CRASH <reason>} closes
 * with 1011 and the reason, {@code BYE} closes with 1000, {@code FLOOD} pushes binary messages until the peer stops reading
 * (see {@link #floodedBytes}), and any
 * other message (text or binary) comes back unchanged.
 */
public final class ChatUpstream implements AutoCloseable {

  /** A close the upstream received from its client (the proxy). */
  public record ClosedByPeer(Short code, String reason) {}

  private final HttpServer server;
  private final AtomicInteger upgrades = new AtomicInteger();
  private final Queue<ClosedByPeer> closes = new ConcurrentLinkedQueue<>();
  private final AtomicLong flooded = new AtomicLong();
  private final AtomicInteger open = new AtomicInteger();
  private final Queue<ServerWebSocket> sessions = new ConcurrentLinkedQueue<>();
  private final AtomicInteger pongs = new AtomicInteger();
  private static final long FLOOD_LIMIT = 512L * 1024 * 1024;

  private ChatUpstream(Vertx vertx) throws Exception {
    server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
            .setMaxWebSocketMessageSize(1 << 20))
        .requestHandler(this::onRequest)
        .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  public static ChatUpstream start(Vertx vertx) throws Exception {
    return new ChatUpstream(vertx);
  }

  public String url() {
    return "ws://127.0.0.1:" + server.actualPort();
  }

  public URI wsUrl(String pathAndQuery) {
    return URI.create(url() + pathAndQuery);
  }

  /** Upgrade requests that reached this service. */
  public int upgrades() {
    return upgrades.get();
  }

  /** WebSocket sessions open right now. */
  public int openSessions() {
    return open.get();
  }

  /** Ping every open session, as a service checking its peers are alive; see {@link #pongs}. */
  public void pingOpenSessions() {
    sessions.forEach(ws -> ws.writePing(Buffer.buffer("alive?")));
  }

  /** Pongs received so far. */
  public int pongs() {
    return pongs.get();
  }

  /** Closes started by the other side (the proxy), in order. */
  public Queue<ClosedByPeer> closes() {
    return closes;
  }

  private void onRequest(HttpServerRequest request) {
    upgrades.incrementAndGet();
    if (!"Bearer good".equals(request.getHeader("Authorization"))) {
      request.response().setStatusCode(403).putHeader("X-Reason", "token").end("forbidden: bad token");
      return;
    }
    String offered = request.getHeader("Sec-WebSocket-Protocol");
    if (offered != null && offered.contains("chat.v1")) {
      request.response().putHeader("Sec-WebSocket-Protocol", "chat.v1");
    }
    String hello = "CONNECTED " + request.uri() + " auth=" + request.getHeader("Authorization")
        + " cookie=" + request.getHeader("Cookie") + " origin=" + request.getHeader("Origin");
    request.toWebSocket().onSuccess(ws -> serve(ws, hello));
  }

  private void serve(ServerWebSocket ws, String hello) {
    boolean[] closing = {false};
    open.incrementAndGet();
    sessions.add(ws);
    ws.pongHandler(data -> pongs.incrementAndGet());
    ws.writeTextMessage(hello);
    ws.textMessageHandler(text -> {
      if (text.startsWith("CRASH ")) {
        closing[0] = true;
        ws.close((short) 1011, text.substring(6));
      } else if (text.equals("FLOOD")) {
        flood(ws);
      } else if (text.equals("BYE")) {
        closing[0] = true;
        ws.close((short) 1000, "bye");
      } else {
        ws.writeTextMessage(text);
      }
    });
    ws.binaryMessageHandler(ws::writeBinaryMessage);
    ws.closeHandler(v -> {
      open.decrementAndGet();
      sessions.remove(ws);
      if (!closing[0]) {
        closes.add(new ClosedByPeer(ws.closeStatusCode(), ws.closeReason()));
      }
    });
  }

  /** Bytes written so far by {@code FLOOD}, which sends 64 KiB binary messages as fast as its peer reads them. */
  public long floodedBytes() {
    return flooded.get();
  }

  private void flood(ServerWebSocket ws) {
    Buffer chunk = Buffer.buffer(new byte[64 * 1024]);
    while (!ws.writeQueueFull() && !ws.isClosed() && flooded.get() < FLOOD_LIMIT) {
      ws.writeBinaryMessage(chunk);
      flooded.addAndGet(chunk.length());
    }
    if (!ws.isClosed() && flooded.get() < FLOOD_LIMIT) {
      ws.drainHandler(v -> flood(ws));
    }
  }

  @Override
  public void close() throws Exception {
    server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}

package dev.wschaos.simulator.support;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Many Vert.x WebSocket clients at once (cheap: one Vert.x, no thread per client), each recording how its connection
 * attempt and its connection ended.
 */
public final class Fleet implements AutoCloseable {

  /** One client: its attempt's outcome, and when and how its connection closed. */
  public static final class Member {
    public final String clientId;
    public final CompletableFuture<WebSocket> connected = new CompletableFuture<>();
    public final CompletableFuture<Closed> closed = new CompletableFuture<>();

    Member(String clientId) {
      this.clientId = clientId;
    }

    public boolean isOpen() {
      return connected.isDone() && !connected.isCompletedExceptionally() && !closed.isDone();
    }

    /** The HTTP status of a refused upgrade, or -1. */
    public int rejectedStatus() {
      Throwable failure = connected.handle((ws, e) -> e).join();
      Throwable cause = failure != null && failure.getCause() != null ? failure.getCause() : failure;
      return cause instanceof UpgradeRejectedException rejected ? rejected.getStatus() : -1;
    }

    public String retryAfter() {
      Throwable failure = connected.handle((ws, e) -> e).join();
      Throwable cause = failure != null && failure.getCause() != null ? failure.getCause() : failure;
      return cause instanceof UpgradeRejectedException rejected ? rejected.getHeaders().get("Retry-After") : null;
    }
  }

  /** How a connection ended: the code Vert.x reports (1006 without a close frame) and when (System.nanoTime). */
  public record Closed(Short code, String reason, long atNanos) {}

  private final WebSocketClient client;
  private final List<Member> members = new ArrayList<>();

  private Fleet(Vertx vertx) {
    this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(5000)
        .setConnectTimeout(10_000));
  }

  public static Fleet create(Vertx vertx) {
    return new Fleet(vertx);
  }

  /** Start {@code count} connection attempts to {@code uri} with client ids {@code prefix0..}; returns at once. */
  public List<Member> connect(URI uri, String prefix, int count, List<String> subprotocols) {
    List<Member> started = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String clientId = prefix + i;
      Member member = new Member(clientId);
      WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(uri.getHost()).setPort(uri.getPort())
          .setURI(uri.getRawPath() + "?clientId=" + clientId).setTimeout(10_000);
      if (!subprotocols.isEmpty()) {
        options.setSubProtocols(subprotocols);
      }
      client.connect(options).onComplete(ar -> {
        if (ar.failed()) {
          member.connected.completeExceptionally(ar.cause());
          return;
        }
        WebSocket ws = ar.result();
        if (ws.isClosed()) {
          // the server closed it before this callback ran (a fault on open, a busy machine): Vert.x throws
          // "WebSocket is closed" from closeHandler(..) then, which used to leave both futures pending for ever
          member.closed.complete(new Closed(ws.closeStatusCode(), ws.closeReason(), System.nanoTime()));
        } else {
          ws.closeHandler(v -> member.closed.complete(new Closed(ws.closeStatusCode(), ws.closeReason(),
              System.nanoTime())));
        }
        member.connected.complete(ws);
      });
      started.add(member);
    }
    synchronized (members) {
      members.addAll(started);
    }
    return started;
  }

  public List<Member> connect(URI uri, String prefix, int count) {
    return connect(uri, prefix, count, List.of());
  }

  /** Start the attempts and wait until every one has an outcome. */
  public List<Member> connectAndWait(URI uri, String prefix, int count) {
    List<Member> started = connect(uri, prefix, count);
    CompletableFuture.allOf(started.stream().map(m -> m.connected.handle((ws, e) -> null))
        .toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();
    return started;
  }

  public static long open(List<Member> members) {
    return members.stream().filter(Member::isOpen).count();
  }

  @Override
  public void close() {
    List<Future<Void>> closing = new ArrayList<>();
    synchronized (members) {
      for (Member m : members) {
        WebSocket ws = m.connected.isCompletedExceptionally() ? null : m.connected.getNow(null);
        if (ws != null && !ws.isClosed()) {
          closing.add(ws.close());
        }
      }
    }
    try {
      Future.join(closing).await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // the server may be gone already
    }
    client.close();
  }
}

package dev.wschaos.simulator.server;

import dev.wschaos.simulator.fault.HandshakeExchange;
import dev.wschaos.simulator.fault.RawAnswer;
import dev.wschaos.simulator.fault.UpgradeRequest;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtensionHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers one upgrade request on behalf of a handshake fault, or accepts it. Every exchange ends exactly once: opened
 * (the accept's WebSocket handed on) or refused ({@code onRejected}), also when the client left, or an outage closed
 * the port, while a fault was still delaying the answer; then it is refused as aborted.
 */
final class VertxHandshakeExchange implements HandshakeExchange {

  private static final Pattern RETRY_AFTER = Pattern.compile("\r\nRetry-After:[ \t]*(\\d+)",
      Pattern.CASE_INSENSITIVE);

  /** What the journal says of an upgrade whose connection closed before any answer could be written. */
  static final String CLIENT_GONE = "connection closed before the answer";

  private final Vertx vertx;
  private final HttpServerRequest request;
  private final VertxUpgradeRequest upgrade;
  private final List<String> supportedSubprotocols;
  private final BiConsumer<ServerWebSocket, WebSocket> onAccepted;
  private final Consumer<String> onRejected;
  private boolean withoutExtensions;
  private Supplier<Future<WebSocket>> upstream;
  private WebSocket upstreamSocket;
  private boolean ended;

  /** {@code onAccepted} gets the client's WebSocket and, on a proxied connection, the upstream's (else null). */
  VertxHandshakeExchange(Vertx vertx, HttpServerRequest request, VertxUpgradeRequest upgrade,
                         List<String> supportedSubprotocols, BiConsumer<ServerWebSocket, WebSocket> onAccepted,
                         Consumer<String> onRejected) {
    this.vertx = vertx;
    this.request = request;
    this.upgrade = upgrade;
    this.supportedSubprotocols = supportedSubprotocols;
    this.onAccepted = onAccepted;
    this.onRejected = onRejected;
  }

  /** Negotiate no extension (no permessage-deflate) when accepting: for connections that get raw frames. */
  VertxHandshakeExchange withoutExtensions() {
    this.withoutExtensions = true;
    return this;
  }

  /**
   * Proxy this upgrade: {@link #accept} first opens the upstream side with {@code connect}, then accepts the client
   * with the upstream's subprotocol, or answers with the upstream's refusal.
   */
  VertxHandshakeExchange proxyTo(Supplier<Future<WebSocket>> connect) {
    this.upstream = connect;
    return this;
  }

  @Override
  public UpgradeRequest request() {
    return upgrade;
  }

  @Override
  public void reject(int status, Map<String, String> headers, String body) {
    HttpServerResponse response = request.response();
    if (response.ended() || response.closed()) {
      refused(CLIENT_GONE);
      return;
    }
    response.setStatusCode(status);
    headers.forEach(response::putHeader);
    if (!headers.keySet().stream().anyMatch("Content-Type"::equalsIgnoreCase)) {
      response.putHeader("Content-Type", "text/plain; charset=utf-8");
    }
    response.end(body != null ? body : status + " " + HttpResponseStatus.valueOf(status).reasonPhrase() + "\n");
    refused("status " + status + retryAfterNote(headers));
  }

  private void refused(String outcome) {
    if (!ended) {
      ended = true;
      onRejected.accept(outcome);
    }
  }

  /** {@code " retry-after=N"} when the headers advise a delay, else empty: how the journal records the advice. */
  static String retryAfterNote(Map<String, String> headers) {
    return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("Retry-After"))
        .map(h -> " retry-after=" + h.getValue().trim()).findFirst().orElse("");
  }

  @Override
  public void hold(Duration limit) {
    refused("stalled");
    if (limit != null) {
      vertx.setTimer(Math.max(1, limit.toMillis()), id -> request.connection().close());
    }
  }

  @Override
  public void closeTcp(boolean reset) {
    refused(reset ? "aborted with RST" : "aborted");
    Channels.close(Channels.of(request.connection()), reset);
  }

  @Override
  public void switchProtocolsOnly(Map<String, String> headers, Duration linger) {
    HttpServerResponse response = request.response();
    response.headers().set("Upgrade", "websocket").set("Connection", "Upgrade");
    headers.forEach(response::putHeader);
    refused("101 without a usable WebSocket");
    request.toNetSocket().onSuccess(socket -> {
      long timer = vertx.setTimer(Math.max(1, linger.toMillis()), id -> socket.close());
      socket.closeHandler(v -> vertx.cancelTimer(timer));
      socket.handler(ignored -> {});
    });
  }

  @Override
  public void writeRaw(RawAnswer answer) {
    HttpServerResponse response = request.response();
    if (response.ended() || response.closed()) {
      refused(CLIENT_GONE);
      return;
    }
    request.exceptionHandler(ignored -> { });
    response.exceptionHandler(ignored -> { });
    String note = answer.note().isEmpty() ? "raw answer" : answer.note();
    refused(answer.status() > 0 ? "status " + answer.status() + " (" + note + ")"
        + retryAfterIn(answer.bytes()) : note);
    ChannelHandlerContext raw = RawTakeover.install(Channels.of(request.connection()));
    raw.channel().config().setAutoRead(true); // Vert.x paused the request; read on, to notice the client leaving
    raw.writeAndFlush(Unpooled.wrappedBuffer(answer.bytes())).addListener(done -> {
      if (answer.close()) {
        raw.close();
      }
    });
    if (!answer.close()) {
      long timer = vertx.setTimer(RawAnswer.LINGER.toMillis(), id -> raw.close());
      raw.channel().closeFuture().addListener(closed -> vertx.cancelTimer(timer));
    }
  }

  /** {@code " retry-after=N"} when the head of {@code bytes} carries a {@code Retry-After} in seconds. */
  private static String retryAfterIn(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    Matcher m = RETRY_AFTER.matcher(end < 0 ? text : text.substring(0, end));
    return m.find() ? " retry-after=" + m.group(1) : "";
  }

  @Override
  public void acceptPaced(Duration interval) {
    HeadPacer.install(Channels.of(request.connection()), interval.toNanos());
    accept();
  }

  @Override
  public void accept() {
    if (upstream != null) {
      upstream.get().onComplete(opened -> {
        if (opened.succeeded()) {
          upstreamSocket = opened.result();
          String chosen = upstreamSocket.subProtocol();
          acceptWithSubprotocol(chosen == null || chosen.isEmpty() ? null : chosen);
        } else if (opened.cause() instanceof UpstreamConnector.RefusalException refused) {
          UpstreamConnector.Refusal refusal = refused.refusal();
          reject(refusal.status(), refusal.headers(), refusal.body());
        } else {
          reject(502, Map.of(), "wschaos: upstream failed: " + opened.cause() + "\n");
        }
      });
      return;
    }
    List<String> offered = upgrade.offeredSubprotocols();
    String chosen = null;
    if (!offered.isEmpty()) {
      chosen = supportedSubprotocols.isEmpty() ? offered.get(0)
          : offered.stream().filter(supportedSubprotocols::contains).findFirst().orElse(null);
    }
    acceptWithSubprotocol(chosen);
  }

  @Override
  public void acceptWithSubprotocol(String subprotocol) {
    if (subprotocol != null) {
      request.response().putHeader("Sec-WebSocket-Protocol", subprotocol);
    }
    if (withoutExtensions) {
      var pipeline = Channels.of(request.connection()).pipeline();
      if (pipeline.get(WebSocketServerExtensionHandler.class) != null) {
        pipeline.remove(WebSocketServerExtensionHandler.class);
      }
    }
    request.toWebSocket()
        .onSuccess(webSocket -> {
          ended = true;
          onAccepted.accept(webSocket, upstreamSocket);
        })
        .onFailure(failure -> {
          if (upstreamSocket != null) {
            upstreamSocket.close((short) 1001, UpstreamSession.CLIENT_SIDE_ENDED);
          }
          reject(400, Map.of(), "wschaos could not upgrade this request: " + failure.getMessage() + "\n");
        });
  }

  @Override
  public void after(Duration delay, Runnable action) {
    vertx.setTimer(Math.max(1, delay.toMillis()), id -> action.run());
  }
}

package dev.wschaos.simulator.server;

import dev.wschaos.simulator.behaviour.BehaviourSession;
import dev.wschaos.simulator.fault.UpstreamClose;
import dev.wschaos.simulator.fault.connection.CloseCodes;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocket;

/**
 * The behaviour of a proxied connection: what the client sends goes to the upstream, what the upstream sends goes
 * to the client, each through the connection's fault flows like any behaviour's messages.
 *
 * <pre>
 *   client --> inbound flow? --> onText/onBinary --> upstream         (client paused while the upstream's queue is full)
 *   upstream --> connection.sendText/Binary --> outbound flow? --> client   (upstream paused while the client's is)
 * </pre>
 * The upstream's close is passed to the client with its code and reason; when the client side ends first (the
 * client, a fault or a fleet action) the upstream gets the client's close code, or 1001 if the client sent none; a
 * {@code close} fault may instead pass its own code or leave the upstream open and unread ({@link UpstreamClose}).
 */
final class UpstreamSession implements BehaviourSession {

  static final String CLIENT_SIDE_ENDED = "wschaos: client side ended";

  private final ChaosConnection connection;
  private final ServerWebSocket client;
  private final WebSocket upstream;
  private final SessionTape tape;
  private UpstreamClose onFaultClose = UpstreamClose.GOING_AWAY;
  private int faultCode;
  private String faultReason;

  /** {@code tape} records the session's messages when a recording is on (else null). */
  UpstreamSession(ChaosConnection connection, ServerWebSocket client, WebSocket upstream, SessionTape tape) {
    this.connection = connection;
    this.client = client;
    this.upstream = upstream;
    this.tape = tape;
  }

  UpstreamSession start() {
    upstream.textMessageHandler(text -> {
      if (tape != null) {
        tape.text(false, text);
      }
      connection.sendText(text);
      pauseUpstreamIfClientBehind();
    });
    upstream.binaryMessageHandler(data -> {
      byte[] bytes = data.getBytes();
      if (tape != null) {
        tape.binary(false, bytes);
      }
      connection.sendBinary(bytes);
      pauseUpstreamIfClientBehind();
    });
    upstream.exceptionHandler(e -> { });
    upstream.closeHandler(v -> connection.upstreamClosed(upstream.closeStatusCode(), upstream.closeReason()));
    client.drainHandler(v -> upstream.resume());
    upstream.drainHandler(v -> client.resume());
    upstream.resume();
    return this;
  }

  @Override
  public void onText(String text) {
    if (!upstream.isClosed()) {
      if (tape != null) {
        tape.text(true, text);
      }
      upstream.writeTextMessage(text);
      pauseClientIfUpstreamBehind();
    }
  }

  @Override
  public void onBinary(byte[] data) {
    if (!upstream.isClosed()) {
      if (tape != null) {
        tape.binary(true, data);
      }
      upstream.writeBinaryMessage(Buffer.buffer(data));
      pauseClientIfUpstreamBehind();
    }
  }

  /** A {@code close} fault is closing the client side with {@code code}: {@code choice} says what the upstream sees. */
  void clientSideClosing(UpstreamClose choice, int code, String reason) {
    this.onFaultClose = choice;
    this.faultCode = code;
    this.faultReason = reason;
  }

  @Override
  public void stop() {
    if (upstream.isClosed()) {
      return;
    }
    Short code = client.closeStatusCode();
    if (connection.closedByClient() && code != null && CloseCodes.whyNotSendable(code) == null) {
      upstream.close(code, client.closeReason());
    } else if (onFaultClose == UpstreamClose.KEEP) {
      upstream.pause();
      Channels.of(upstream).channel().config().setAutoRead(false);   // no more reads: its pings go unanswered too
    } else if (onFaultClose == UpstreamClose.SAME && CloseCodes.whyNotSendable(faultCode) == null) {
      upstream.close((short) faultCode, faultReason);
    } else {
      upstream.close((short) 1001, CLIENT_SIDE_ENDED);
    }
  }

  private void pauseUpstreamIfClientBehind() {
    if (!client.isClosed() && client.writeQueueFull()) {
      upstream.pause();
    }
  }

  private void pauseClientIfUpstreamBehind() {
    if (!upstream.isClosed() && upstream.writeQueueFull()) {
      client.pause();
    }
  }
}

package dev.wschaos.simulator.server;

import dev.wschaos.simulator.plan.Heartbeat;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;

/**
 * Runs a plan's {@link Heartbeat} on one connection: ping every interval, and close (1001) or drop the client when
 * no pong has come within the timeout of a ping. Any pong counts, solicited or not.
 */
final class ServerHeartbeat {

  private final Vertx vertx;
  private final ServerWebSocket webSocket;
  private final Heartbeat heartbeat;
  private long periodic = -1;
  private long lastPongNanos = System.nanoTime();
  private long pings;
  private boolean stopped;

  ServerHeartbeat(Vertx vertx, ServerWebSocket webSocket, Heartbeat heartbeat) {
    this.vertx = vertx;
    this.webSocket = webSocket;
    this.heartbeat = heartbeat;
  }

  void start() {
    webSocket.pongHandler(ignored -> lastPongNanos = System.nanoTime());
    periodic = vertx.setPeriodic(Math.max(1, heartbeat.interval().toMillis()), t -> ping());
  }

  void stop() {
    stopped = true;
    if (periodic >= 0) {
      vertx.cancelTimer(periodic);
    }
  }

  private void ping() {
    if (stopped || webSocket.isClosed()) {
      return;
    }
    long sentAt = System.nanoTime();
    webSocket.writePing(Buffer.buffer("wschaos-" + (++pings)));
    vertx.setTimer(Math.max(1, heartbeat.timeout().toMillis()), t -> {
      if (!stopped && lastPongNanos - sentAt < 0 && !webSocket.isClosed()) {
        stop();
        if (heartbeat.onTimeout() == Heartbeat.OnTimeout.DROP) {
          ChannelControl.finAfterWrites(Channels.of(webSocket));
        } else {
          webSocket.close((short) 1001, "no pong within " + heartbeat.timeout().toMillis() + "ms");
        }
      }
    });
  }
}

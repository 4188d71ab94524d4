package dev.wschaos.simulator.server;

import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.http.ServerWebSocket;

/**
 * Netty refuses a frame or message over the size limit with an exception and Vert.x then closes TCP without a close
 * frame; the protocol's answer is a close frame with the exception's code (1009 Message Too Big, or 1002).
 */
final class OversizeClose {

  private OversizeClose() {}

  static void answer(ServerWebSocket webSocket, Throwable error) {
    if (error instanceof CorruptedWebSocketFrameException corrupted && !webSocket.isClosed()) {
      String reason = String.valueOf(corrupted.getMessage());
      webSocket.close((short) corrupted.closeStatus().code(), reason.length() > 120 ? reason.substring(0, 120)
          : reason);
    }
  }
}

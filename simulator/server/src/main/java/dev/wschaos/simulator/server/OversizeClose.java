package dev.wschaos.simulator.server;

import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.http.ServerWebSocket;

/**
 * The protocol's answer to a client frame or message over the size limits: a close frame with 1009 Message Too Big
 * (or Netty's code for another corrupt frame). Left alone, Vert.x closes TCP without a close frame on a frame over
 * the limit, and drops a reassembled message over the limit without a word (the connection stays open).
 */
final class OversizeClose {

  private static final String VERTX_MESSAGE_OVERFLOW = "overflow max message size";

  private OversizeClose() {}

  static void answer(ServerWebSocket webSocket, Throwable error) {
    if (webSocket.isClosed()) {
      return;
    }
    if (error instanceof CorruptedWebSocketFrameException corrupted) {
      webSocket.close((short) corrupted.closeStatus().code(), shortened(corrupted.getMessage()));
    } else if (error instanceof IllegalStateException && String.valueOf(error.getMessage())
        .contains(VERTX_MESSAGE_OVERFLOW)) {
      webSocket.close((short) 1009, shortened(error.getMessage()));
    }
  }

  private static String shortened(String reason) {
    String text = String.valueOf(reason);
    return text.length() > 120 ? text.substring(0, 120) : text;
  }
}

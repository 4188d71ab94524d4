package dev.wschaos.simulator.server;

import java.time.Duration;

/**
 * What one client may cost the WebSocket listeners (plain and TLS): how long it has to send a complete upgrade
 * request, how long its request line, headers and query may be, and how large a message it may send. Every refusal
 * uses the protocol's own answer: the connection closed (handshake timeout), 414, 431, or close code 1009.
 *
 * <pre>{@code
 * WsChaosServer.builder().limits(ServerLimits.defaults().withHandshakeTimeout(Duration.ofSeconds(3))
 *     .withMaxMessageSize(64 * 1024)).start();
 * }</pre>
 *
 * @param handshakeTimeout time from TCP accept to a complete request head; {@link Duration#ZERO}: no limit
 * @param maxRequestLine   bytes in the request line ({@code GET /path?query HTTP/1.1}); longer: 414
 * @param maxHeaderSize    bytes in all headers together; larger: 431
 * @param maxQueryLength   characters in the query string; longer: 414
 * @param maxMessageSize   bytes in one (reassembled) client message; larger: close 1009
 * @param maxFrameSize     bytes in one client frame; larger: close 1009
 * @param maxClients       clients whose attempt counts and behaviour state are remembered; past that the least
 *                         recently seen is forgotten
 */
public record ServerLimits(Duration handshakeTimeout, int maxRequestLine, int maxHeaderSize, int maxQueryLength,
                           int maxMessageSize, int maxFrameSize, int maxClients) {

  public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

  public ServerLimits {
    if (handshakeTimeout == null || handshakeTimeout.isNegative()) {
      throw new IllegalArgumentException("handshake timeout must be 0 (no limit) or positive, not " + handshakeTimeout);
    }
    positive("max request line", maxRequestLine, 64);
    positive("max header size", maxHeaderSize, 256);
    positive("max query length", maxQueryLength, 1);
    positive("max message size", maxMessageSize, 125);
    positive("max frame size", maxFrameSize, 125);
    positive("max clients", maxClients, 1);
  }

  /**
   * 10 s to send the request head; Netty's and Vert.x's sizes: 4 KiB line, 8 KiB headers,
   * 64 KiB frames, 256 KiB messages; 2,048 query characters and 100,000 remembered clients.
   */
  public static ServerLimits defaults() {
    return new ServerLimits(DEFAULT_HANDSHAKE_TIMEOUT, 4096, 8192, 2048, 262_144, 65_536, 100_000);
  }

  public ServerLimits withHandshakeTimeout(Duration value) {
    return new ServerLimits(value, maxRequestLine, maxHeaderSize, maxQueryLength,
        maxMessageSize, maxFrameSize, maxClients);
  }

  public ServerLimits withMaxRequestLine(int value) {
    return new ServerLimits(handshakeTimeout, value, maxHeaderSize, maxQueryLength,
        maxMessageSize, maxFrameSize, maxClients);
  }

  public ServerLimits withMaxHeaderSize(int value) {
    return new ServerLimits(handshakeTimeout, maxRequestLine, value, maxQueryLength,
        maxMessageSize, maxFrameSize, maxClients);
  }

  public ServerLimits withMaxQueryLength(int value) {
    return new ServerLimits(handshakeTimeout, maxRequestLine, maxHeaderSize, value,
        maxMessageSize, maxFrameSize, maxClients);
  }

  /** Also lowers the frame limit to the message size when that is smaller. */
  public ServerLimits withMaxMessageSize(int value) {
    return new ServerLimits(handshakeTimeout, maxRequestLine, maxHeaderSize, maxQueryLength, value,
        Math.min(maxFrameSize, value), maxClients);
  }

  public ServerLimits withMaxFrameSize(int value) {
    return new ServerLimits(handshakeTimeout, maxRequestLine, maxHeaderSize, maxQueryLength, maxMessageSize, value,
        maxClients);
  }

  public ServerLimits withMaxClients(int value) {
    return new ServerLimits(handshakeTimeout, maxRequestLine, maxHeaderSize, maxQueryLength, maxMessageSize,
        maxFrameSize, value);
  }

  private static void positive(String name, int value, int least) {
    if (value < least) {
      throw new IllegalArgumentException(name + " " + value + " is too small: at least " + least);
    }
  }
}

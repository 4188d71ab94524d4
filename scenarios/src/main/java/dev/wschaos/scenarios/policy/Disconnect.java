package dev.wschaos.scenarios.policy;

/**
 * Why a client lost (or could not get) its connection, as far as the client can tell.
 *
 * @param cause a stable label used in reports: {@code close-1012}, {@code dropped}, {@code heartbeat-timeout},
 *              {@code stale}, {@code handshake-failed}, {@code http-503}
 * @param closeCode the close code when the client learned it, else null
 * @param httpStatus the handshake status when the client learned it, else null
 * @param advisedDelayMs the delay the server advised (Retry-After, {@code retry-after=N} in a close reason), else null
 */
public record Disconnect(String cause, Integer closeCode, Integer httpStatus, Long advisedDelayMs) {

  public static Disconnect closed(int code, Long advisedDelayMs) {
    return new Disconnect("close-" + code, code, null, advisedDelayMs);
  }

  public static Disconnect rejected(int status, Long advisedDelayMs) {
    return new Disconnect("http-" + status, null, status, advisedDelayMs);
  }

  public static Disconnect of(String cause) {
    return new Disconnect(cause, null, null, null);
  }

  public static final Disconnect DROPPED = of("dropped");
  public static final Disconnect HEARTBEAT_TIMEOUT = of("heartbeat-timeout");
  public static final Disconnect STALE = of("stale");
  public static final Disconnect HANDSHAKE_FAILED = of("handshake-failed");
}

package dev.wschaos.simulator.analytics;

/** How an accepted connection ended. */
public enum DisconnectKind {
  /** The server sent a close frame (code and reason known). */
  SERVER_CLOSE,
  /** The client sent a close frame first. */
  CLIENT_CLOSE,
  /** TCP closed (FIN) without a close frame; clients report 1006. */
  DROPPED,
  /** TCP reset (RST). */
  RESET,
  /** The server shut down (1001 Going Away to every client). */
  SHUTDOWN
}

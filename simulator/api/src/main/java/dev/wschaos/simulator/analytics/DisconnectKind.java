package dev.wschaos.simulator.analytics;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

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
  SHUTDOWN;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}

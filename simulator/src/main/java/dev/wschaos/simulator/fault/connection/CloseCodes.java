package dev.wschaos.simulator.fault.connection;

/** Which WebSocket close codes may be put on the wire, and what to use instead of those that may not. */
public final class CloseCodes {

  private CloseCodes() {}

  /** {@code null} when {@code code} may be sent in a close frame, else why not and what to use instead. */
  public static String whyNotSendable(int code) {
    if ((code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999)) {
      return null;
    }
    return switch (code) {
      case 1004 -> "1004 is reserved and has no meaning; use 1000-1003, 1007-1014 or an application code 3000-4999";
      case 1005 -> "1005 (no status) is what a client reports when a close frame carries no code; it is never sent";
      case 1006 -> "1006 (abnormal closure) is never sent on the wire: clients report it when TCP closes without a "
          + "close frame; use fault type 'drop' (FIN) or 'reset' (RST) instead";
      case 1015 -> "1015 (TLS handshake failure) is never sent on the wire: clients report it when TLS fails; use a "
          + "TLS fault profile instead (see docs/tls.md)";
      default -> code + " is out of range: allowed are 1000-1003, 1007-1014 and application codes 3000-4999";
    };
  }
}

package dev.wschaos.simulator.fault.connection;

import dev.wschaos.simulator.common.Problems;
import java.nio.charset.StandardCharsets;

/** Which WebSocket close codes may be put on the wire, and what to use instead of those that may not. */
public final class CloseCodes {

  /** A close frame's payload is at most 125 bytes, two of them the code (RFC 6455 5.5). */
  public static final int MAX_REASON_BYTES = 123;

  private CloseCodes() {}

  /** Report a code that must not be sent, and a reason too long for a close frame, at {@code code} and {@code reason}. */
  public static void validate(int code, String reason, Problems problems) {
    String whyNot = whyNotSendable(code);
    if (whyNot != null) {
      problems.at("code").error(whyNot);
    }
    int bytes = reason == null ? 0 : reason.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_REASON_BYTES) {
      problems.at("reason").error("is " + bytes + " bytes in UTF-8; a close reason is at most " + MAX_REASON_BYTES
          + " bytes (RFC 6455 5.5)");
    }
  }

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

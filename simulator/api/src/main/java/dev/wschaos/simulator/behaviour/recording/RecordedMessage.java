package dev.wschaos.simulator.behaviour.recording;

import java.nio.charset.StandardCharsets;

/**
 * One message of a proxied session as it crossed the proxy: who sent it, when (millis since the session opened) and
 * its text or bytes.
 *
 * <pre>{@code
 * RecordedMessage hello = RecordedMessage.fromUpstream(0, "{\"type\":\"hello\"}");
 * }</pre>
 */
public record RecordedMessage(boolean fromClient, long atMillis, String text, byte[] binary) {

  public static RecordedMessage fromClient(long atMillis, String text) {
    return new RecordedMessage(true, atMillis, text, null);
  }

  public static RecordedMessage fromUpstream(long atMillis, String text) {
    return new RecordedMessage(false, atMillis, text, null);
  }

  public static RecordedMessage binary(boolean fromClient, long atMillis, byte[] data) {
    return new RecordedMessage(fromClient, atMillis, null, data);
  }

  public boolean isText() {
    return text != null;
  }

  /** The message for a comment: at most {@code max} characters on one line. */
  String preview(int max) {
    String shown = isText() ? text : "binary, " + binary.length + " bytes";
    shown = shown.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    return shown.length() <= max ? shown : shown.substring(0, max) + "...";
  }

  int size() {
    return isText() ? text.getBytes(StandardCharsets.UTF_8).length : binary.length;
  }
}

package dev.wschaos.simulator.fault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes a handshake fault writes to the client as they are, below the HTTP server: a status line and headers no
 * healthy server would send, a body after a 101, anything at all.
 *
 * <pre>{@code
 * exchange.writeRaw(RawAnswer.of("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nhi").closing(true));
 * }</pre>
 *
 * @param bytes what goes on the wire, in order
 * @param close close TCP right after writing (as with {@code Connection: close}); otherwise keep it open until the
 *              client leaves or {@link #LINGER} has passed
 * @param status the HTTP status the journal and the reconnect analytics record for this answer; 0 when the bytes
 *               carry none (the attempt then counts as aborted)
 * @param note what was wrong with the answer, for the journal (e.g. {@code "101 without Upgrade"})
 */
public record RawAnswer(byte[] bytes, boolean close, int status, String note) {

  /** How long the server keeps the connection after an answer that does not close it. */
  public static final Duration LINGER = Duration.ofSeconds(10);

  private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/\\d(?:\\.\\d)? (\\d{3})(?:[ \r\n]|$)");

  public RawAnswer {
    Objects.requireNonNull(bytes, "bytes");
    note = note == null ? "" : note;
  }

  /** {@code text} as UTF-8 bytes; status read from its status line, if it has one. */
  public static RawAnswer of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  public static RawAnswer of(byte[] bytes) {
    return new RawAnswer(bytes, false, statusOf(bytes), "");
  }

  public RawAnswer closing(boolean value) {
    return new RawAnswer(bytes, value, status, note);
  }

  public RawAnswer noting(String value) {
    return new RawAnswer(bytes, close, status, value);
  }

  /** The status code of the HTTP status line {@code bytes} start with, or 0. */
  public static int statusOf(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 16), StandardCharsets.ISO_8859_1);
    Matcher m = STATUS_LINE.matcher(head);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RawAnswer other && java.util.Arrays.equals(bytes, other.bytes) && close == other.close
        && status == other.status && note.equals(other.note);
  }

  @Override
  public int hashCode() {
    return Objects.hash(java.util.Arrays.hashCode(bytes), close, status, note);
  }

  @Override
  public String toString() {
    return "RawAnswer[" + bytes.length + " bytes, status " + status + (close ? ", close" : "") + "]";
  }
}

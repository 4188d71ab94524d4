package dev.wschaos.simulator.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends one fuzzed input over a fresh TCP connection (an upgrade request, perhaps followed by frames), half-closes,
 * reads until the server ends the connection, and says what the server did: upgraded (with the close codes of its
 * close frames), refused with a status, or ended without an answer. What no input may cause is a {@link #finding}: a
 * 5xx, a close code outside the protocol's refusals, or a connection the server never ends.
 */
final class WireProbe {

  /** The close codes a server may send on its own for bad client frames (RFC 6455 7.4.1). */
  static final Set<Integer> REFUSAL_CODES = Set.of(1000, 1001, 1002, 1003, 1007, 1008, 1009);

  private static final int MAX_READ = 1 << 20;
  /** Vert.x answers with the request's own protocol name and version, e.g. {@code H:TTP/1.1 501 Not Implemented}. */
  private static final Pattern STATUS_LINE = Pattern.compile("\\S+/\\d+\\.\\d+ (\\d{3})( |$)");
  /** Refusals of the HTTP version itself: Vert.x's answer to a version it does not know. */
  private static final Set<Integer> VERSION_REFUSALS = Set.of(501, 505);
  private static final Pattern WELL_FORMED_GET =
      Pattern.compile("GET /[!-~]* HTTP/1\\.1\r\n([A-Za-z-]+: [ -~]*\r\n)*\r\n");
  private static final byte[] CRLFCRLF = {'\r', '\n', '\r', '\n'};

  /** How one input ended. */
  enum End { FIN, RESET, HUNG }

  /** What the server answered: the status (0: none), the close codes of its close frames, how TCP ended. */
  record Outcome(int status, List<Integer> closeCodes, End end, byte[] answer, String head) {

    /** A response header of a non-upgrade answer (first value, case-insensitive name), or null. */
    String header(String name) {
      String text = new String(answer, StandardCharsets.ISO_8859_1);
      int headEnd = text.indexOf("\r\n\r\n");
      for (String line : (headEnd < 0 ? text : text.substring(0, headEnd)).split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
          return line.substring(colon + 1).trim();
        }
      }
      return null;
    }

    /** The body of a non-upgrade answer. */
    String body() {
      String text = new String(answer, StandardCharsets.UTF_8);
      int headEnd = text.indexOf("\r\n\r\n");
      return headEnd < 0 ? "" : text.substring(headEnd + 4);
    }

    boolean upgraded() {
      return status == 101;
    }

    /**
     * As {@link #finding(Set)} for a fuzzed request head (and whatever followed it), and a well-formed, complete GET
     * head with nothing after it must get an answer: garbage may be dropped without one, an incomplete head is ended
     * at the half-close, and bytes sent before the 101 (RFC 6455 4.1: a client waits for it) are read by Vert.x as a
     * next request, which may end the connection without an answer.
     */
    String headFinding(byte[] head) {
      String finding = finding(allowedCloses(head));
      if (finding != null || status != 0 || end != End.FIN) {
        return finding;
      }
      String text = new String(head, StandardCharsets.ISO_8859_1);
      return WELL_FORMED_GET.matcher(text).matches() ? "a well-formed request head got no answer" : null;
    }

    /** Null when the answer is a clear one, else what is wrong with it. */
    String finding(Set<Integer> allowedCloses) {
      if (end == End.HUNG) {
        return "the server never ended the connection after the client half-closed it";
      }
      if (status >= 500 && !VERSION_REFUSALS.contains(status)) {
        return "status " + status + ": " + head;
      }
      if (status != 0 && status != 101 && (status < 400 || status > 499) && !VERSION_REFUSALS.contains(status)) {
        return "unexpected status " + status + ": " + head;
      }
      if (status == 0 && answer.length > 0) {
        return "an answer that is not HTTP: " + head;
      }
      for (int code : closeCodes) {
        if (!allowedCloses.contains(code)) {
          return "close code " + code + " is neither a refusal of bad client frames nor the client's own valid code";
        }
      }
      return null;
    }
  }

  private WireProbe() {}

  /** {@link #REFUSAL_CODES} and the valid codes of the close frames in {@code clientFrames}, which a server echoes. */
  static Set<Integer> allowedCloses(byte[] clientFrames) {
    Set<Integer> allowed = new HashSet<>(REFUSAL_CODES);
    for (int code : closeCodes(clientFrames, 0)) {
      if ((code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999)) {
        allowed.add(code);
      }
    }
    return allowed;
  }

  /** Send {@code bytes} on a new connection to {@code address}, half-close, and read the answer to its end. */
  static Outcome send(InetSocketAddress address, byte[] bytes, int timeoutMs) throws IOException {
    return send(address, bytes, new byte[0], timeoutMs);
  }

  /**
   * Send {@code head}; when it holds a complete request head, wait for the answer's head (a client sends frames after
   * the 101, and a half-close before it would race the upgrade); then send {@code rest}, half-close, and read the
   * answer to its end.
   */
  static Outcome send(InetSocketAddress address, byte[] head, byte[] rest, int timeoutMs) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(address, timeoutMs);
      socket.setSoTimeout(timeoutMs);
      socket.setTcpNoDelay(true);
      End end = End.FIN;
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      try {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        out.write(head);
        out.flush();
        boolean open = indexOf(head, CRLFCRLF) < 0 || readHead(in, answer);
        if (open) {
          out.write(rest);
          out.flush();
          socket.shutdownOutput();
          readToEnd(in, answer);
        }
      } catch (SocketTimeoutException e) {
        end = End.HUNG;
      } catch (SocketException e) {
        end = End.RESET;
      }
      if (end != End.RESET) {
        socket.setSoLinger(true, 0);
      }
      return parse(answer.toByteArray(), end);
    }
  }

  /** Read until the answer holds a complete head; false when the server ended the connection first. */
  private static boolean readHead(InputStream in, ByteArrayOutputStream answer) throws IOException {
    byte[] buffer = new byte[8192];
    while (indexOf(answer.toByteArray(), CRLFCRLF) < 0) {
      int n = in.read(buffer);
      if (n < 0) {
        return false;
      }
      answer.write(buffer, 0, n);
    }
    return true;
  }

  private static void readToEnd(InputStream in, ByteArrayOutputStream answer) throws IOException {
    byte[] buffer = new byte[8192];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      if (answer.size() < MAX_READ) {
        answer.write(buffer, 0, n);
      }
    }
  }

  static Outcome parse(byte[] answer, End end) {
    int headEnd = indexOf(answer, CRLFCRLF);
    String text = new String(answer, 0, Math.min(answer.length, headEnd < 0 ? 200 : headEnd),
        StandardCharsets.ISO_8859_1);
    String firstLine = text.lines().findFirst().orElse("");
    Matcher statusLine = STATUS_LINE.matcher(firstLine);
    int status = statusLine.lookingAt() ? Integer.parseInt(statusLine.group(1)) : 0;
    List<Integer> closes = new ArrayList<>();
    if (status == 101 && headEnd >= 0) {
      closes = closeCodes(answer, headEnd + 4);
    }
    return new Outcome(status, closes, end, answer, firstLine);
  }

  /** The codes of the server's close frames (1005 for a close without a code), reading frames from {@code at}. */
  static List<Integer> closeCodes(byte[] data, int at) {
    List<Integer> codes = new ArrayList<>();
    int i = at;
    while (i + 2 <= data.length) {
      int opcode = data[i] & 0x0f;
      boolean masked = (data[i + 1] & 0x80) != 0;
      long length = data[i + 1] & 0x7f;
      i += 2;
      if (length == 126) {
        if (i + 2 > data.length) {
          break;
        }
        length = ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
        i += 2;
      } else if (length == 127) {
        if (i + 8 > data.length) {
          break;
        }
        length = 0;
        for (int k = 0; k < 8; k++) {
          length = (length << 8) | (data[i + k] & 0xff);
        }
        i += 8;
      }
      if (masked) {
        i += 4;
      }
      if (opcode == 0x8) {
        codes.add(length >= 2 && i + 2 <= data.length ? closeCode(data, i, masked ? i - 4 : -1) : 1005);
      }
      if (length < 0 || length > data.length - i) {
        break;
      }
      i += (int) length;
    }
    return codes;
  }

  private static int closeCode(byte[] data, int at, int maskAt) {
    int high = data[at] & 0xff;
    int low = data[at + 1] & 0xff;
    if (maskAt >= 0) {
      high ^= data[maskAt] & 0xff;
      low ^= data[maskAt + 1] & 0xff;
    }
    return (high << 8) | low;
  }

  private static int indexOf(byte[] data, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= data.length; i++) {
      for (int k = 0; k < needle.length; k++) {
        if (data[i + k] != needle[k]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}

package dev.wschaos.simulator.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A plain TCP socket speaking HTTP and WebSocket by hand, for what client libraries hide: malformed upgrades,
 * the exact response, frames as bytes, and whether TCP ended with a FIN, a RST, or not at all.
 */
public final class RawClient implements AutoCloseable {

  public static final int READ_TIMEOUT_MS = 10_000;

  /** An HTTP response as read off the wire. */
  public record Response(int status, String statusLine, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** How reading ended. */
  public enum End { FIN, RESET, TIMEOUT }

  /** A WebSocket frame from the server. */
  public record Frame(boolean fin, int rsv, int opcode, boolean masked, byte[] payload) {
    public int closeCode() {
      return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1;
    }

    public String closeReason() {
      return payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
    }

    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private Response handshake;

  private RawClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  public static RawClient open(URI uri) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), READ_TIMEOUT_MS);
    socket.setSoTimeout(READ_TIMEOUT_MS);
    return new RawClient(socket);
  }

  /** Open a socket and complete a WebSocket upgrade to {@code uri}'s path and query (fails unless 101). */
  public static RawClient upgraded(URI uri) throws IOException {
    return upgraded(uri, Map.of());
  }

  /** As {@link #upgraded(URI)}, with extra request headers; the response is kept in {@link #handshake()}. */
  public static RawClient upgraded(URI uri, Map<String, String> extraHeaders) throws IOException {
    RawClient raw = upgradeRequested(uri, extraHeaders);
    raw.handshake = raw.readResponse();
    if (raw.handshake.status() != 101) {
      raw.close();
      throw new IOException("upgrade refused: " + raw.handshake.statusLine());
    }
    return raw;
  }

  /**
   * Open a socket and send a well-formed upgrade request for {@code uri}'s path and query, reading nothing: for
   * answers that are no 101, or none.
   *
   * <pre>{@code
   * try (RawClient raw = RawClient.upgradeRequested(server.wsUrl())) {
   *   assertThat(raw.readToEnd(5000)).isEqualTo(RawClient.End.FIN);
   * }
   * }</pre>
   */
  public static RawClient upgradeRequested(URI uri) throws IOException {
    return upgradeRequested(uri, Map.of());
  }

  /** As {@link #upgradeRequested(URI)}, with extra request headers. */
  public static RawClient upgradeRequested(URI uri, Map<String, String> extraHeaders) throws IOException {
    RawClient raw = open(uri);
    Map<String, String> headers = upgradeHeaders(uri);
    headers.putAll(extraHeaders);
    raw.sendRequest("GET", uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), headers);
    return raw;
  }

  /** The upgrade response, after {@link #upgraded}. */
  public Response handshake() {
    return handshake;
  }

  public static String randomKey() {
    byte[] nonce = new byte[16];
    ThreadLocalRandom.current().nextBytes(nonce);
    return Base64.getEncoder().encodeToString(nonce);
  }

  /** A well-formed upgrade request for {@code path}, to be altered by the caller. */
  public static Map<String, String> upgradeHeaders(URI uri) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Host", uri.getHost() + ":" + uri.getPort());
    headers.put("Upgrade", "websocket");
    headers.put("Connection", "Upgrade");
    headers.put("Sec-WebSocket-Key", randomKey());
    headers.put("Sec-WebSocket-Version", "13");
    return headers;
  }

  public void sendRequest(String method, String target, Map<String, String> headers) throws IOException {
    sendRequest(method + " " + target + " HTTP/1.1", headers);
  }

  public void sendRequest(String requestLine, Map<String, String> headers) throws IOException {
    StringBuilder request = new StringBuilder(requestLine).append("\r\n");
    headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
    request.append("\r\n");
    out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** Send bytes as they are: half requests, oversized lines, anything a well-behaved client would not send. */
  public void sendRaw(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** Read the response head and, when it has a Content-Length, its body. */
  public Response readResponse() throws IOException {
    String statusLine = readLine();
    if (statusLine == null) {
      throw new IOException("connection closed before any response");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
    }
    String body = "";
    String length = headers.get("content-length");
    if (length != null) {
      body = new String(in.readNBytes(Integer.parseInt(length)), StandardCharsets.UTF_8);
    }
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    return new Response(status, statusLine, headers, body);
  }

  /** Read until the server ends the connection, and say how it ended. */
  public End readToEnd(int timeoutMs) throws IOException {
    socket.setSoTimeout(timeoutMs);
    byte[] buffer = new byte[4096];
    try {
      while (in.read(buffer) >= 0) {
        // discard
      }
      return End.FIN;
    } catch (SocketTimeoutException e) {
      return End.TIMEOUT;
    } catch (SocketException e) {
      if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("reset")) {
        return End.RESET;
      }
      throw e;
    } finally {
      socket.setSoTimeout(READ_TIMEOUT_MS);
    }
  }

  /** Read one server frame. */
  public Frame readFrame() throws IOException {
    int b0 = readByte();
    int b1 = readByte();
    long length = b1 & 0x7f;
    if (length == 126) {
      length = (readByte() << 8) | readByte();
    } else if (length == 127) {
      length = 0;
      for (int i = 0; i < 8; i++) {
        length = (length << 8) | readByte();
      }
    }
    boolean masked = (b1 & 0x80) != 0;
    byte[] mask = masked ? in.readNBytes(4) : null;
    byte[] payload = in.readNBytes((int) length);
    if (masked) {
      for (int i = 0; i < payload.length; i++) {
        payload[i] ^= mask[i % 4];
      }
    }
    return new Frame((b0 & 0x80) != 0, (b0 >> 4) & 0x7, b0 & 0x0f, masked, payload);
  }

  /** Send one masked frame, as a client must. */
  public void sendFrame(int opcode, byte[] payload) throws IOException {
    sendFrame(true, opcode, payload);
  }

  /** Send one masked frame, a fragment when {@code fin} is false. */
  public void sendFrame(boolean fin, int opcode, byte[] payload) throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write((fin ? 0x80 : 0) | opcode);
    if (payload.length < 126) {
      frame.write(0x80 | payload.length);
    } else {
      frame.write(0x80 | 126);
      frame.write(payload.length >> 8);
      frame.write(payload.length & 0xff);
    }
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    frame.write(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i % 4]);
    }
    out.write(frame.toByteArray());
    out.flush();
  }

  public void sendText(String text) throws IOException {
    sendFrame(0x1, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Exactly {@code n} bytes, or fewer if the server ends the connection first. */
  public byte[] readExactly(int n) throws IOException {
    return in.readNBytes(n);
  }

  /** One read from the socket, as TCP delivered it: how many bytes came in it (-1 at the end). */
  public int readSome(byte[] buffer) throws IOException {
    return in.read(buffer);
  }

  public void setReadTimeout(int millis) throws SocketException {
    socket.setSoTimeout(millis);
  }

  /** Close with a TCP RST (SO_LINGER 0) instead of a FIN. */
  public void reset() throws IOException {
    socket.setSoLinger(true, 0);
    socket.close();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private int readByte() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new IOException("connection closed by the server");
    }
    return b;
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }
}

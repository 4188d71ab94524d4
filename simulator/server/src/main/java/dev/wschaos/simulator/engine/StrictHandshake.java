package dev.wschaos.simulator.engine;

import dev.wschaos.simulator.common.Glob;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks a correct server makes on an upgrade request (RFC 6455 section 4.2.1), each with an explanation a
 * developer can act on. The Origin check runs whenever allowed origins are set, strict or not.
 */
public final class StrictHandshake {

  private StrictHandshake() {}

  /** A refused upgrade: the status, the headers to add, and every reason found. */
  public record Verdict(int status, Map<String, String> headers, List<String> reasons) {
    public String body() {
      StringBuilder out = new StringBuilder("wschaos refused this WebSocket upgrade (")
          .append(status).append("):\n");
      reasons.forEach(r -> out.append("- ").append(r).append('\n'));
      return out.toString();
    }
  }

  /** What the checks read of a request. */
  public interface Request {
    String method();

    String httpVersion();

    /** Every value of a header, split on commas for list headers is the caller's business; empty if absent. */
    List<String> headers(String name);
  }

  /** {@code null} when the request passes. */
  public static Verdict check(Request request, boolean strict, List<String> allowedOrigins) {
    if (strict) {
      Verdict structural = structural(request);
      if (structural != null) {
        return structural;
      }
    }
    return origin(request, allowedOrigins);
  }

  private static Verdict structural(Request request) {
    if (!"GET".equals(request.method())) {
      return new Verdict(405, Map.of("Allow", "GET"), List.of("method " + request.method()
          + " is not allowed: a WebSocket upgrade is a GET request (RFC 6455 4.1)"));
    }
    List<String> reasons = new ArrayList<>();
    if (!"HTTP/1.1".equals(request.httpVersion())) {
      reasons.add("HTTP version " + request.httpVersion() + ": a WebSocket upgrade needs HTTP/1.1 (RFC 6455 4.1)");
    }
    if (request.headers("Host").isEmpty()) {
      reasons.add("no Host header (RFC 6455 4.1, RFC 9112 3.2)");
    }
    List<String> upgrade = request.headers("Upgrade");
    if (!hasToken(upgrade, "websocket")) {
      reasons.add(upgrade.isEmpty()
          ? "no 'Upgrade: websocket' header: a proxy in front of the server may be dropping it "
              + "(nginx needs proxy_set_header Upgrade $http_upgrade and proxy_http_version 1.1)"
          : "'Upgrade: " + String.join(", ", upgrade) + "' does not name websocket");
    }
    List<String> connection = request.headers("Connection");
    if (!hasToken(connection, "upgrade")) {
      reasons.add(connection.isEmpty()
          ? "no 'Connection: Upgrade' header: a proxy in front of the server may be dropping it "
              + "(nginx needs proxy_set_header Connection \"upgrade\")"
          : "'Connection: " + String.join(", ", connection) + "' does not contain the upgrade token");
    }
    List<String> keys = request.headers("Sec-WebSocket-Key");
    if (keys.isEmpty()) {
      reasons.add("no Sec-WebSocket-Key header (RFC 6455 4.1: a base64-encoded random 16-byte value)");
    } else if (keys.size() > 1) {
      reasons.add("Sec-WebSocket-Key is sent " + keys.size() + " times; send it once");
    } else {
      String keyProblem = keyProblem(keys.get(0));
      if (keyProblem != null) {
        reasons.add(keyProblem);
      }
    }
    if (!reasons.isEmpty()) {
      return new Verdict(400, Map.of(), reasons);
    }
    List<String> versions = request.headers("Sec-WebSocket-Version");
    if (versions.isEmpty()) {
      return new Verdict(426, Map.of("Sec-WebSocket-Version", "13"),
          List.of("no Sec-WebSocket-Version header: this server speaks version 13 (RFC 6455 4.4)"));
    }
    if (versions.size() != 1 || !"13".equals(versions.get(0).trim())) {
      return new Verdict(426, Map.of("Sec-WebSocket-Version", "13"), List.of("Sec-WebSocket-Version "
          + String.join(", ", versions) + " is not supported: this server speaks version 13 (RFC 6455 4.4)"));
    }
    return null;
  }

  private static Verdict origin(Request request, List<String> allowedOrigins) {
    if (allowedOrigins.isEmpty()) {
      return null;
    }
    List<String> origins = request.headers("Origin");
    if (origins.isEmpty()) {
      return null;
    }
    String origin = origins.get(0).trim();
    for (Pattern allowed : compiled(allowedOrigins)) {
      if (allowed.matcher(origin).matches()) {
        return null;
      }
    }
    return new Verdict(403, Map.of(), List.of("Origin '" + origin + "' is not allowed; this server accepts "
        + String.join(", ", allowedOrigins)));
  }

  /** The allowed origins of the plan last seen, compiled once rather than per upgrade. */
  private record Origins(List<String> globs, List<Pattern> patterns) {}

  private static volatile Origins lastOrigins = new Origins(List.of(), List.of());

  private static List<Pattern> compiled(List<String> allowedOrigins) {
    Origins last = lastOrigins;
    if (last.globs() != allowedOrigins) {
      last = new Origins(allowedOrigins, allowedOrigins.stream().map(Glob::compile).toList());
      lastOrigins = last;
    }
    return last.patterns();
  }

  static String keyProblem(String key) {
    String trimmed = key.trim();
    if (isSixteenBytesOfBase64(trimmed)) {
      return null;
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(trimmed);
    } catch (IllegalArgumentException e) {
      return "Sec-WebSocket-Key '" + trimmed + "' is not valid base64 (RFC 6455 4.1: a base64-encoded random 16-byte value)";
    }
    if (decoded.length != 16) {
      return "Sec-WebSocket-Key '" + trimmed + "' decodes to " + decoded.length
          + " bytes; it must be 16 random bytes in base64, 24 characters (RFC 6455 4.1)";
    }
    return null;
  }

  /**
   * The usual key, checked without decoding: 22 base64 characters, the last with its 4 low bits zero, then "==".
   * Anything else goes through the decoder, which explains what is wrong.
   */
  private static boolean isSixteenBytesOfBase64(String key) {
    if (key.length() != 24 || key.charAt(22) != '=' || key.charAt(23) != '=') {
      return false;
    }
    for (int i = 0; i < 22; i++) {
      char c = key.charAt(i);
      boolean base64 = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/';
      if (!base64) {
        return false;
      }
    }
    char last = key.charAt(21);
    return last == 'A' || last == 'Q' || last == 'g' || last == 'w';
  }

  /** Whether a comma-separated header value lists {@code token} (case-insensitive), without splitting a copy. */
  static boolean hasToken(List<String> values, String token) {
    for (String value : values) {
      int start = 0;
      while (start <= value.length()) {
        int comma = value.indexOf(',', start);
        int end = comma < 0 ? value.length() : comma;
        int from = start;
        int to = end;
        while (from < to && Character.isWhitespace(value.charAt(from))) {
          from++;
        }
        while (to > from && Character.isWhitespace(value.charAt(to - 1))) {
          to--;
        }
        if (to - from == token.length() && value.regionMatches(true, from, token, 0, token.length())) {
          return true;
        }
        start = end + 1;
      }
    }
    return false;
  }
}

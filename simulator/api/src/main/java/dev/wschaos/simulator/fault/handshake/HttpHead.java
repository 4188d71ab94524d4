package dev.wschaos.simulator.fault.handshake;

import dev.wschaos.simulator.common.Problems;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response head (and body) written byte by byte as given, for the faults that answer below the server. */
final class HttpHead {

  static final String HTTP_1_1 = "HTTP/1.1";
  static final String HTTP_1_0 = "HTTP/1.0";

  private final StringBuilder head = new StringBuilder();
  private final Map<String, String> headers = new LinkedHashMap<>();

  private HttpHead(String version, int status, String reason) {
    head.append(version).append(' ').append(status).append(' ').append(reason).append("\r\n");
  }

  static HttpHead of(String version, int status, String reason) {
    return new HttpHead(version == null ? HTTP_1_1 : version, status,
        reason == null ? reasonPhrase(status) : reason);
  }

  /** Add a header unless one of that name (any case) is already there. */
  HttpHead header(String name, String value) {
    if (!has(name)) {
      headers.put(name, value);
    }
    return this;
  }

  HttpHead headers(Map<String, String> values) {
    values.forEach(this::header);
    return this;
  }

  HttpHead without(String name) {
    headers.keySet().removeIf(name::equalsIgnoreCase);
    return this;
  }

  boolean has(String name) {
    return headers.keySet().stream().anyMatch(name::equalsIgnoreCase);
  }

  /** Whether the headers tell the client the connection ends after this response. */
  boolean closes() {
    return headers.entrySet().stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Connection")
        && h.getValue().toLowerCase(java.util.Locale.ROOT).contains("close"));
  }

  /** The head, then {@code body} ({@code Content-Length} added unless given; none when body is null). */
  byte[] bytes(String body) {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (body != null) {
      header("Content-Length", Integer.toString(content.length));
    }
    StringBuilder text = new StringBuilder(head);
    headers.forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
    text.append("\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(text.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(content);
    return out.toByteArray();
  }

  /** The usual reason phrase; "Unknown" for a status without one. */
  static String reasonPhrase(int status) {
    return switch (status) {
      case 100 -> "Continue";
      case 101 -> "Switching Protocols";
      case 102 -> "Processing";
      case 103 -> "Early Hints";
      case 200 -> "OK";
      case 201 -> "Created";
      case 202 -> "Accepted";
      case 204 -> "No Content";
      case 301 -> "Moved Permanently";
      case 302 -> "Found";
      case 303 -> "See Other";
      case 304 -> "Not Modified";
      case 307 -> "Temporary Redirect";
      case 308 -> "Permanent Redirect";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 408 -> "Request Timeout";
      case 413 -> "Payload Too Large";
      case 426 -> "Upgrade Required";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "Unknown";
    };
  }

  static void checkVersion(String version, Problems problems) {
    if (version != null && !version.equals(HTTP_1_1) && !version.equals(HTTP_1_0)) {
      problems.at("version").error("'" + version + "' is not allowed: use HTTP/1.1 (default) or HTTP/1.0");
    }
  }

  static void checkHeaders(Map<String, String> headers, Problems problems) {
    headers.forEach((name, value) -> {
      if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
        problems.at("headers").at(name).error("'" + name + "' is not a valid header name (an HTTP token)");
      }
      if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
        problems.at("headers").at(name).error("a header value must be given and cannot contain CR or LF; "
            + "use raw-response for arbitrary bytes");
      }
    });
  }
}

package dev.wschaos.simulator.matrix;

import java.util.function.Function;

/** How drivers print what a rejected handshake let the application see: the status and the Retry-After header. */
final class Headers {

  private Headers() {}

  /** {@code "; status 503, Retry-After: 7"}; the header only when the library exposes it and it is there. */
  static String status(int status, Function<String, String> header) {
    String retryAfter = header == null ? null : header.apply("Retry-After");
    return "; status " + status + (retryAfter == null ? "" : ", Retry-After: " + retryAfter);
  }

  static String quote(String text) {
    if (text == null) {
      return "null";
    }
    return "\"" + (text.length() > 40 ? text.substring(0, 40) + "...(" + text.length() + " chars)" : text) + "\"";
  }
}

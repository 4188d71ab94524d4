package dev.wschaos.simulator.server;

import io.vertx.core.http.HttpServerRequest;

/**
 * Reads one query parameter without building the request's parameter map, which Vert.x decodes in full on first use
 * (a decoder, a map and a list per parameter: the largest allocation wschaos added to an upgrade). Splits as Netty's
 * {@code QueryStringDecoder} does; a query that would need decoding ({@code %}, {@code +}), has {@code ;} or a
 * fragment, or is long goes to {@link HttpServerRequest#getParam}, so the answer is always Vert.x's.
 */
final class QueryParam {

  private static final int SCANNED_AT_MOST = 1024;

  private QueryParam() {}

  /** The first value of {@code name}, "" for a name without a value, null if absent. */
  static String first(HttpServerRequest request, String name) {
    String uri = request.uri();
    int question = uri.indexOf('?');
    if (question < 0) {
      return uri.indexOf('#') < 0 ? null : request.getParam(name);
    }
    if (uri.length() - question > SCANNED_AT_MOST || needsDecoder(uri)) {
      return request.getParam(name);
    }
    return scan(uri, question + 1, name);
  }

  private static boolean needsDecoder(String uri) {
    for (int i = 0; i < uri.length(); i++) {
      char c = uri.charAt(i);
      if (c == '%' || c == '+' || c == ';' || c == '#') {
        return true;
      }
    }
    return false;
  }

  /** Netty's {@code decodeParams} loop, keeping only the first parameter called {@code name}. */
  static String scan(String s, int from, String name) {
    int nameStart = from;
    int valueStart = -1;
    for (int i = from; i <= s.length(); i++) {
      char c = i < s.length() ? s.charAt(i) : '&';
      if (c == '=') {
        if (nameStart == i) {
          nameStart = i + 1;
        } else if (valueStart < nameStart) {
          valueStart = i + 1;
        }
      } else if (c == '&') {
        String value = valueOf(s, nameStart, valueStart, i, name);
        if (value != null) {
          return value;
        }
        nameStart = i + 1;
      }
    }
    return null;
  }

  private static String valueOf(String s, int nameStart, int valueStart, int valueEnd, String name) {
    if (nameStart >= valueEnd) {
      return null;
    }
    int nameEnd = valueStart <= nameStart ? valueEnd : valueStart - 1;
    if (nameEnd - nameStart != name.length() || !s.startsWith(name, nameStart)) {
      return null;
    }
    return valueStart <= nameStart ? "" : s.substring(valueStart, valueEnd);
  }
}

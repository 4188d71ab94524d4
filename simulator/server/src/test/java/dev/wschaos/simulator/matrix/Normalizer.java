package dev.wschaos.simulator.matrix;

import java.util.regex.Pattern;

/**
 * Replaces what varies from run to run and nothing else: ports, object ids, the Sec-WebSocket-Accept a library
 * expected (it hashes the random key it sent; the wrong one wschaos sends is kept), Jetty's dump of an endpoint's
 * live state inside an exception message, the fingerprint of a certificate the TLS lab made for this run, how many bytes Jetty had buffered when a message grew too large, line breaks.
 */
final class Normalizer {

  private static final Pattern PORT = Pattern.compile("(127\\.0\\.0\\.1|localhost)(/127\\.0\\.0\\.1)?:\\d{2,5}");
  private static final Pattern HASH = Pattern.compile("@[0-9a-f]{5,8}\\b");
  private static final Pattern ACCEPT = Pattern.compile("(?<![A-Za-z0-9+/])(?!s3pPLMBiTxaQ9kYGzzhZRbK\\+xOo=)[A-Za-z0-9+/]{27}=");
  private static final Pattern JETTY_ENDPOINT = Pattern.compile("@ID::.*");
  private static final Pattern BUFFERED = Pattern.compile("too large: [\\d,]+ >");
  private static final Pattern FINGERPRINT = Pattern.compile("sha256/[A-Za-z0-9+/]{43}=");
  private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\r\\n]+\\s*");

  private Normalizer() {}

  static String normalize(String text) {
    String t = PORT.matcher(text).replaceAll("$1$2:PORT");
    t = HASH.matcher(t).replaceAll("@ID");
    t = ACCEPT.matcher(t).replaceAll("<accept of the client's key>");
    t = FINGERPRINT.matcher(t).replaceAll("sha256/<this run's certificate>");
    t = BUFFERED.matcher(t).replaceAll("too large: N >");
    t = JETTY_ENDPOINT.matcher(t).replaceAll("@ID::<endpoint state>");
    return LINE_BREAKS.matcher(t).replaceAll(" ⏎ ");
  }
}

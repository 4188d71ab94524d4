package dev.wschaos.simulator.matrix;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The version of a client library on the test classpath, for the column headers. */
final class Versions {

  private Versions() {}

  /** The jar manifest's Implementation-Version of {@code type}'s package, or "?" when the jar has none. */
  static String of(Class<?> type) {
    String version = type.getPackage().getImplementationVersion();
    return version == null ? "?" : version;
  }

  static String resource(Class<?> type, String path) {
    try (InputStream in = type.getResourceAsStream(path)) {
      return in == null ? "?" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "?";
    }
  }

  /** The version in a jar's Maven metadata, e.g. {@code pom("com.squareup.okhttp3", "okhttp")}. */
  static String pom(Class<?> type, String group, String artifact) {
    String text = resource(type, "/META-INF/maven/" + group + "/" + artifact + "/pom.properties");
    return text.lines().filter(l -> l.startsWith("version=")).map(l -> l.substring(8)).findFirst().orElse(of(type));
  }
}

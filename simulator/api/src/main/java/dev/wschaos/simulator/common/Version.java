package dev.wschaos.simulator.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The wschaos version and the commit it was built from, from the build.
 *
 * <pre>{@code
 * Version.current();      // "0.1.0"
 * Version.description();  // "0.1.0 (commit 3f2a9c1b7d)"
 * }</pre>
 */
public final class Version {

  private static final Properties BUILD = load();

  private Version() {}

  /** The Maven version, e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} outside a build. */
  public static String current() {
    return value("version");
  }

  /** The abbreviated git commit of the build; {@code unknown} when it was built without {@code .git}. */
  public static String commit() {
    String commit = value("commit");
    return commit.equals("unknown") || !"true".equals(BUILD.getProperty("dirty")) ? commit : commit + "-dirty";
  }

  /** The version and the commit in one line, e.g. {@code 0.1.0 (commit 3f2a9c1b7d)}. */
  public static String description() {
    return current() + " (commit " + commit() + ")";
  }

  private static String value(String key) {
    String value = BUILD.getProperty(key, "unknown");
    return value.isBlank() || value.startsWith("${") ? "unknown" : value;
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // no version.properties: "unknown"
    }
    return properties;
  }
}

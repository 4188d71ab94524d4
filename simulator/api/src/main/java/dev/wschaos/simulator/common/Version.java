package dev.wschaos.simulator.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The wschaos version, from the build. */
public final class Version {

  private Version() {}

  public static String current() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}

package dev.wschaos.simulator.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The report's stylesheet and script, kept as resources beside this class and inlined into every report. */
final class ReportAssets {

  static final String CSS = load("report.css");
  static final String SCRIPT = load("report.js");

  private ReportAssets() {}

  private static String load(String name) {
    try (InputStream in = ReportAssets.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("report resource " + name + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read report resource " + name, e);
    }
  }
}

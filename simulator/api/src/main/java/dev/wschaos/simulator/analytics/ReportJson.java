package dev.wschaos.simulator.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wschaos.simulator.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes reports as indented JSON with the shared {@link Json} configuration: instants as ISO-8601 text, durations
 * (the settings) as in plans ({@code 1s}, {@code 100ms}), figures named {@code *Millis} as numbers, enums by their
 * lower-case ids.
 *
 * <pre>{@code
 * String json = ReportJson.toJson(report);
 * ReportJson.write(report, Path.of("target/reconnects.json"));
 * }</pre>
 */
public final class ReportJson {

  private ReportJson() {}

  /** The mapper reports are written with ({@link Json#mapper()}, shared: do not reconfigure it). */
  public static ObjectMapper mapper() {
    return Json.mapper();
  }

  public static String toJson(Object report) {
    return Json.writePretty(report);
  }

  public static void write(Object report, Path file) {
    try {
      Files.writeString(file, toJson(report));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}

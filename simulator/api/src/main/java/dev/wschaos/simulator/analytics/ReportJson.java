package dev.wschaos.simulator.analytics;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Writes reports as JSON: instants as ISO-8601 text, durations as milliseconds, enums by their lower-case ids.
 *
 * <pre>{@code
 * String json = ReportJson.toJson(report);
 * ReportJson.write(report, Path.of("target/reconnects.json"));
 * }</pre>
 */
public final class ReportJson {

  private static final ObjectMapper MAPPER = mapper();

  private ReportJson() {}

  /** The mapper reports are written with (also usable for any other analytics record). */
  public static ObjectMapper mapper() {
    SimpleModule millis = new SimpleModule("wschaos-analytics");
    millis.addSerializer(Duration.class, new JsonSerializer<>() {
      @Override
      public void serialize(Duration value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeNumber(value.toMillis());
      }
    });
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .registerModule(millis)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(SerializationFeature.INDENT_OUTPUT);
  }

  public static String toJson(Object report) {
    try {
      return MAPPER.writeValueAsString(report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void write(Object report, Path file) {
    try {
      Files.writeString(file, toJson(report));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}

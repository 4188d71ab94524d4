package dev.wschaos.simulator.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.wschaos.simulator.common.DurationText;
import dev.wschaos.simulator.json.Json;
import java.io.IOException;
import java.time.Duration;

/**
 * The mappers that read and write plans: the shared {@link Json} configuration (strict about unknown fields,
 * durations as {@code 2s}); fault types resolve through {@link PlanJacksonModule}.
 */
public final class PlanMapper {

  private PlanMapper() {}

  /** The shared JSON mapper ({@link Json#mapper()}); do not reconfigure it. */
  public static ObjectMapper json() {
    return Json.mapper();
  }

  /** The shared YAML mapper ({@link Json#yaml()}); do not reconfigure it. */
  public static ObjectMapper yaml() {
    return Json.yaml();
  }
}

package dev.wschaos.simulator.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wschaos.simulator.json.Json;

/**
 * The mappers that read and write plans: the shared {@link Json} configuration (strict about unknown fields,
 * durations as {@code 2s}); fault types resolve through {@link dev.wschaos.simulator.fault.FaultTypes}.
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

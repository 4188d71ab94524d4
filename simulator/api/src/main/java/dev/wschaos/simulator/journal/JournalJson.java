package dev.wschaos.simulator.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wschaos.simulator.json.Json;

/** The JSON mapper for journal events and the admin API's models: the shared {@link Json} configuration. */
public final class JournalJson {

  private JournalJson() {}

  /** A shared, thread-safe mapper ({@link Json#mapper()}); do not reconfigure it. */
  public static ObjectMapper mapper() {
    return Json.mapper();
  }
}

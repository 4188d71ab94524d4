package dev.wschaos.simulator.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.wschaos.simulator.plan.PlanMapper;

/** The JSON mapper for journal events and the admin API's models: the plan mapper plus ISO-8601 times. */
public final class JournalJson {

  private static final ObjectMapper MAPPER = PlanMapper.json()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private JournalJson() {}

  /** A shared, thread-safe mapper; do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}

package dev.wschaos.simulator.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import java.time.Instant;
import dev.wschaos.simulator.plan.PlanMapper;

/** The JSON mapper for journal events and the admin API's models: the plan mapper plus ISO-8601 times. */
public final class JournalJson {

  // only Instant from jsr310: durations keep the plan's "2s" form
  private static final ObjectMapper MAPPER = PlanMapper.json()
      .registerModule(new SimpleModule("wschaos-instants")
          .addSerializer(Instant.class, InstantSerializer.INSTANCE)
          .addDeserializer(Instant.class, InstantDeserializer.INSTANT))
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private JournalJson() {}

  /** A shared, thread-safe mapper; do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }
}

package dev.wschaos.simulator.plan;

import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Teaches Jackson the plan's fault types by their {@code type} names ({@link FaultTypes}). The shared mappers of
 * {@code json.Json} load it through {@code ServiceLoader}; a mapper of your own gets it with
 * {@code mapper.findAndRegisterModules()}.
 *
 * <pre>{@code
 * ObjectMapper mine = new ObjectMapper().registerModule(new PlanJacksonModule());
 * Fault fault = mine.readValue("{\"type\":\"close\",\"code\":1012}", Fault.class);
 * }</pre>
 */
public final class PlanJacksonModule extends SimpleModule {

  public PlanJacksonModule() {
    super("wschaos-plan");
    FaultTypes.all().forEach((name, type) -> registerSubtypes(new NamedType(type, name)));
  }
}

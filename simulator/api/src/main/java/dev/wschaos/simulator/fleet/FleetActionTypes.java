package dev.wschaos.simulator.fleet;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The registry of fleet action types by the name plan files, the admin API and timelines use. Adding an action is
 * one class implementing {@link FleetAction} (or {@link StrikeAction}) and one line here.
 */
public final class FleetActionTypes {

  private static final Map<String, Class<? extends FleetAction>> BY_NAME = new LinkedHashMap<>();

  static {
    register("close", CloseAction.class);
    register("drop", DropAction.class);
    register("reset", ResetAction.class);
    register("half-open", HalfOpenAction.class);
    register("outage", OutageAction.class);
    register("restart", RestartAction.class);
    register("rolling-restart", RollingRestartAction.class);
  }

  private FleetActionTypes() {}

  private static void register(String name, Class<? extends FleetAction> type) {
    BY_NAME.put(name, type);
  }

  public static Map<String, Class<? extends FleetAction>> all() {
    return Collections.unmodifiableMap(BY_NAME);
  }

  public static String nameOf(Class<?> type) {
    for (Map.Entry<String, Class<? extends FleetAction>> e : BY_NAME.entrySet()) {
      if (e.getValue() == type) {
        return e.getKey();
      }
    }
    throw new IllegalArgumentException(type.getName() + " is not registered in FleetActionTypes");
  }

  /** Binds {@code type} to the registered class, whichever {@code ObjectMapper} reads or writes the action. */
  public static final class TypeIds extends TypeIdResolverBase {

    @Override
    public String idFromValue(Object value) {
      return nameOf(value.getClass());
    }

    @Override
    public String idFromValueAndType(Object value, Class<?> suggestedType) {
      return nameOf(value != null ? value.getClass() : suggestedType);
    }

    @Override
    public JavaType typeFromId(DatabindContext context, String id) {
      Class<? extends FleetAction> type = BY_NAME.get(id);
      return type == null ? null : context.constructType(type);
    }

    @Override
    public String getDescForKnownTypeIds() {
      return String.join(", ", BY_NAME.keySet());
    }

    @Override
    public JsonTypeInfo.Id getMechanism() {
      return JsonTypeInfo.Id.CUSTOM;
    }
  }
}

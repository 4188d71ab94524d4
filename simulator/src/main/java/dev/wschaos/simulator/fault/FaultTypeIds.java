package dev.wschaos.simulator.fault;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;
import java.util.TreeSet;

/**
 * Binds a fault's {@code type} name to its class through {@link FaultTypes}, so that any mapper reads and writes
 * faults without registering them: the registry stays the one place a fault type is added.
 */
public final class FaultTypeIds extends TypeIdResolverBase {

  @Override
  public String idFromValue(Object value) {
    return FaultTypes.nameOf(value.getClass());
  }

  @Override
  public String idFromValueAndType(Object value, Class<?> suggestedType) {
    return FaultTypes.nameOf(value != null ? value.getClass() : suggestedType);
  }

  @Override
  public JavaType typeFromId(DatabindContext context, String id) {
    Class<? extends Fault> type = FaultTypes.all().get(id);
    return type == null ? null : context.constructType(type);
  }

  @Override
  public String getDescForKnownTypeIds() {
    return String.join(", ", new TreeSet<>(FaultTypes.all().keySet()));
  }

  @Override
  public JsonTypeInfo.Id getMechanism() {
    return JsonTypeInfo.Id.CUSTOM;
  }
}

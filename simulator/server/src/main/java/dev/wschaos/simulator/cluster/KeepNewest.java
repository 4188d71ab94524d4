package dev.wschaos.simulator.cluster;

import com.hazelcast.map.EntryProcessor;
import dev.wschaos.simulator.json.Json;
import java.util.Map;

/** Stores a plan message unless the one stored is newer, so a node that joins later starts from the newest plan. */
final class KeepNewest implements EntryProcessor<String, String, Boolean> {

  private static final long serialVersionUID = 1L;

  private final String message;

  KeepNewest(String message) {
    this.message = message;
  }

  @Override
  public Boolean process(Map.Entry<String, String> entry) {
    if (entry.getValue() != null && read(entry.getValue()).compareTo(read(message)) >= 0) {
      return false;
    }
    entry.setValue(message);
    return true;
  }

  static PlanMessage read(String json) {
    try {
      return Json.mapper().readValue(json, PlanMessage.class);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not a wschaos plan message: " + e.getMessage(), e);
    }
  }
}

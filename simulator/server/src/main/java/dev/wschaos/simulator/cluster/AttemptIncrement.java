package dev.wschaos.simulator.cluster;

import com.hazelcast.map.EntryProcessor;
import java.util.Map;

/** Counts one attempt where the client's count lives (its partition's owner): one round trip, no lost update. */
final class AttemptIncrement implements EntryProcessor<String, Integer, Integer> {

  private static final long serialVersionUID = 1L;

  @Override
  public Integer process(Map.Entry<String, Integer> entry) {
    int next = entry.getValue() == null ? 1 : entry.getValue() + 1;
    entry.setValue(next);
    return next;
  }
}

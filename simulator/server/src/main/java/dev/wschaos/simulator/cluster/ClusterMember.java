package dev.wschaos.simulator.cluster;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.wschaos.simulator.json.Json;

/**
 * A node of the cluster as {@code GET /cluster} lists it, and as {@code POST /actions?node=} names it: by its index
 * (1 for the oldest node), its Hazelcast address or its id.
 *
 * <pre>{@code
 * {"index":2,"id":"5b0c...","address":"127.0.0.1:5702","self":false,
 *  "urls":{"ws":"ws://127.0.0.1:8090/","admin":"http://127.0.0.1:8091"},"connections":1480}
 * }</pre>
 *
 * @param urls where the node serves clients and its admin API; null while it is starting
 * @param connections the node's open WebSocket connections when asked; null when it did not answer in time
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClusterMember(int index, String id, String address, boolean self, Urls urls, Integer connections) {

  /** @param admin null when the node has no admin API */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Urls(String ws, String admin) {

    static Urls read(String json) {
      try {
        return Json.mapper().readValue(json, Urls.class);
      } catch (java.io.IOException e) {
        return null;
      }
    }
  }

  ClusterMember withConnections(Integer open) {
    return new ClusterMember(index, id, address, self, urls, open);
  }

  boolean is(String node) {
    return node.equals(Integer.toString(index)) || node.equals(address) || node.equals(id);
  }

  /** {@code node 2 (127.0.0.1:5702)}. */
  @JsonIgnore
  String name() {
    return "node " + index + " (" + address + ")";
  }
}

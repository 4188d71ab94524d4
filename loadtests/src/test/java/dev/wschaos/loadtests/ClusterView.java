package dev.wschaos.loadtests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wschaos.simulator.client.AdminClient;
import dev.wschaos.simulator.client.AdminException;
import dev.wschaos.simulator.json.Json;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The nodes of a simulator cluster as one node's admin API lists them ({@code GET /cluster}): where each serves
 * clients and its admin API.
 *
 * <pre>{@code
 * Optional<List<ClusterView.Node>> nodes = ClusterView.fetch("http://127.0.0.1:8081", null);  // empty: not clustered
 * }</pre>
 */
final class ClusterView {

  /** One node: {@code admin} is null when it serves no admin API. */
  record Node(int index, String ws, String admin) {}

  private ClusterView() {}

  /** The cluster's nodes, oldest first; empty when that simulator is not clustered (404). */
  static Optional<List<Node>> fetch(String adminUrl, String token) {
    Optional<JsonNode> answer;
    try {
      answer = AdminClient.create(URI.create(adminUrl), token).cluster();
    } catch (AdminException e) {
      throw new IllegalArgumentException("-Dadmin=" + adminUrl + ": GET /cluster: " + e.getMessage());
    }
    return answer.map(json -> read(json, adminUrl + "/cluster"));
  }

  /** The nodes in a {@code GET /cluster} answer. */
  static List<Node> read(String json, String source) {
    try {
      return read(Json.mapper().readTree(json), source);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": not a GET /cluster answer: " + e.getMessage());
    }
  }

  private static List<Node> read(JsonNode root, String source) {
    List<Node> out = new ArrayList<>();
    for (JsonNode node : root.path("nodes")) {
      JsonNode urls = node.path("urls");
      String ws = urls.path("ws").isTextual() ? urls.path("ws").asText().replaceAll("/+$", "") : null;
      String admin = urls.path("admin").isTextual() ? urls.path("admin").asText().replaceAll("/+$", "") : null;
      if (ws == null) {
        throw new IllegalArgumentException(source + ": node " + node.path("index").asInt() + " ("
            + node.path("address").asText() + ") lists no WebSocket URL yet (still starting?): try again");
      }
      out.add(new Node(node.path("index").asInt(), ws, admin));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(source + ": the cluster lists no nodes");
    }
    return List.copyOf(out);
  }
}

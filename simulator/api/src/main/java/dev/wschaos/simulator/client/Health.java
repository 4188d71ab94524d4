package dev.wschaos.simulator.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /health}: the simulator is up, its version, where clients connect, the plan in force. */
public record Health(String status, String version, String wsUrl, boolean listening, String plan, long seed,
                     int openConnections) {

  @JsonCreator
  public Health(
      @JsonProperty("status") String status,
      @JsonProperty("version") String version,
      @JsonProperty("wsUrl") String wsUrl,
      @JsonProperty("listening") boolean listening,
      @JsonProperty("plan") String plan,
      @JsonProperty("seed") long seed,
      @JsonProperty("openConnections") int openConnections) {
    this.status = status;
    this.version = version;
    this.wsUrl = wsUrl;
    this.listening = listening;
    this.plan = plan;
    this.seed = seed;
    this.openConnections = openConnections;
  }
}

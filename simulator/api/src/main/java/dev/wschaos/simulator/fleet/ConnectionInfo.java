package dev.wschaos.simulator.fleet;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * An open connection, as {@code GET /connections} and {@code WsChaosServer.connections()} list it.
 *
 * @param faultsApplied labels of the rules whose faults struck this connection so far
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConnectionInfo(long id, String clientId, String path, int attempt, String remote, Instant openedAt,
                             long messagesIn, long messagesOut, List<String> faultsApplied) {

  @JsonCreator
  public ConnectionInfo(
      @JsonProperty("id") long id,
      @JsonProperty("clientId") String clientId,
      @JsonProperty("path") String path,
      @JsonProperty("attempt") int attempt,
      @JsonProperty("remote") String remote,
      @JsonProperty("openedAt") Instant openedAt,
      @JsonProperty("messagesIn") long messagesIn,
      @JsonProperty("messagesOut") long messagesOut,
      @JsonProperty("faultsApplied") List<String> faultsApplied) {
    this.id = id;
    this.clientId = clientId;
    this.path = path;
    this.attempt = attempt;
    this.remote = remote;
    this.openedAt = openedAt;
    this.messagesIn = messagesIn;
    this.messagesOut = messagesOut;
    this.faultsApplied = faultsApplied == null ? List.of() : List.copyOf(faultsApplied);
  }
}

package dev.wschaos.simulator.match;

/** What a {@link Match} looks at: a connection attempt as seen at its upgrade request. */
public interface MatchSubject {

  String path();

  /** The client id, or {@code null} for an anonymous client. */
  String clientId();

  /** This client's attempt number, from 1. */
  int attempt();

  String queryParam(String name);

  String header(String name);
}

package dev.wschaos.simulator.dsl;

import dev.wschaos.simulator.match.AttemptRange;
import dev.wschaos.simulator.match.Match;
import java.util.HashMap;
import java.util.Map;

/** The "which connections" part of a DSL rule; each method narrows it. */
abstract class MatchBuilder<SELF extends MatchBuilder<SELF>> {

  final Chaos chaos;
  Match match;

  MatchBuilder(Chaos chaos, Match match) {
    this.chaos = chaos;
    this.match = match;
  }

  abstract SELF self();

  /** Clients whose id matches this glob ({@code "mobile-*"}). */
  public SELF forClient(String clientIdGlob) {
    match = match.withClientId(clientIdGlob);
    return self();
  }

  /** Request paths matching this glob ({@code "/feed/*"}). */
  public SELF onPath(String pathGlob) {
    match = match.withPath(pathGlob);
    return self();
  }

  /** Only this attempt of each client, counted from 1. */
  public SELF attempt(int attempt) {
    match = match.withAttempt(AttemptRange.exactly(attempt));
    return self();
  }

  /** This attempt of each client and every later one. */
  public SELF attemptsFrom(int attempt) {
    match = match.withAttempt(AttemptRange.atLeast(attempt));
    return self();
  }

  /** Attempts {@code from} to {@code to} of each client. */
  public SELF attempts(int from, int to) {
    match = match.withAttempt(AttemptRange.between(from, to));
    return self();
  }

  /** A share of the matching connections, drawn from the plan's seeded random source (0.3 = 30%). */
  public SELF withProbability(double probability) {
    match = match.withProbability(probability);
    return self();
  }

  /** Connections whose query parameter matches the regex. */
  public SELF withQueryParam(String name, String regex) {
    Map<String, String> query = new HashMap<>(match.query());
    query.put(name, regex);
    match = new Match(match.path(), match.clientId(), match.attempt(), query, match.headers(), match.probability());
    return self();
  }

  /** Connections whose request header matches the regex. */
  public SELF withHeader(String name, String regex) {
    Map<String, String> headers = new HashMap<>(match.headers());
    headers.put(name, regex);
    match = new Match(match.path(), match.clientId(), match.attempt(), match.query(), headers, match.probability());
    return self();
  }
}

package dev.wschaos.simulator.fault.shaping;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which way a shaping fault acts: server to client ({@code out}, the default), client to server, or both. */
public enum Direction {
  @JsonProperty("out") OUT,
  @JsonProperty("in") IN,
  @JsonProperty("both") BOTH;

  public boolean out() {
    return this != IN;
  }

  public boolean in() {
    return this != OUT;
  }
}

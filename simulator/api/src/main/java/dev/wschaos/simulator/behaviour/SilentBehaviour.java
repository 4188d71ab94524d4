package dev.wschaos.simulator.behaviour;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.wschaos.simulator.fault.LiveConnection;

/** Accept and read everything, send nothing (pings are still answered with pongs). */
public record SilentBehaviour() implements Behaviour {

  @JsonCreator
  public SilentBehaviour {}

  @Override
  public BehaviourSession start(LiveConnection connection) {
    return BehaviourSession.NONE;
  }
}

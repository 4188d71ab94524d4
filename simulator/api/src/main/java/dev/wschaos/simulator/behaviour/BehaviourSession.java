package dev.wschaos.simulator.behaviour;

/** A behaviour serving one connection: told of each whole client message, and stopped when the connection ends. */
public interface BehaviourSession {

  BehaviourSession NONE = new BehaviourSession() {};

  default void onText(String text) {}

  default void onBinary(byte[] data) {}

  default void stop() {}
}

package dev.wschaos.simulator.behaviour;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.wschaos.simulator.fault.LiveConnection;

/** Send every client message straight back, text as text and binary as binary. */
public record EchoBehaviour() implements Behaviour {

  @JsonCreator
  public EchoBehaviour {}

  @Override
  public BehaviourSession start(LiveConnection connection) {
    return new BehaviourSession() {
      @Override
      public void onText(String text) {
        connection.sendText(text);
      }

      @Override
      public void onBinary(byte[] data) {
        connection.sendBinary(data);
      }
    };
  }
}

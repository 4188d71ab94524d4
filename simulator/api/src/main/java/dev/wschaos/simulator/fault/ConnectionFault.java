package dev.wschaos.simulator.fault;

/** A fault that strikes an open WebSocket connection, when its rule's trigger fires. */
public interface ConnectionFault extends Fault {

  /** Strike. Called on the connection's event loop; must not block. */
  void apply(LiveConnection connection);
}

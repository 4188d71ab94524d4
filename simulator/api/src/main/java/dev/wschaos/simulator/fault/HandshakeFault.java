package dev.wschaos.simulator.fault;

/** A fault decided at the upgrade request, before any WebSocket exists. */
public interface HandshakeFault extends Fault {

  /** Answer (or refuse to answer) the upgrade. Called on the connection's event loop; must not block. */
  void apply(HandshakeExchange exchange);
}

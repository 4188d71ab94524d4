package dev.wschaos.simulator.matrix;

/** What the client does once connected, so that faults that wait for the client (a ping, a close) can strike. */
public enum Step {
  /** Nothing: wait for what the server does. */
  WAIT,
  /** Send a ping (or, where the library has no ping call, turn on its keepalive ping) and wait. */
  PING,
  /** Start a normal close (1000, "bye") and wait for the close handshake to end. */
  CLOSE
}

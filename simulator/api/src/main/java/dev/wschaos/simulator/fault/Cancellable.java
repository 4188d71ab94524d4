package dev.wschaos.simulator.fault;

/** A scheduled action that can still be called off. */
@FunctionalInterface
public interface Cancellable {

  Cancellable NONE = () -> {};

  void cancel();
}

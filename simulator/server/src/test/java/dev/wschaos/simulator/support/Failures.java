package dev.wschaos.simulator.support;

/** Reads what a client library reported, through its chain of causes. */
public final class Failures {

  private Failures() {}

  /** Every class name and message in the cause chain, one per line. */
  public static String chain(Throwable failure) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      out.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
    }
    return out.toString();
  }
}

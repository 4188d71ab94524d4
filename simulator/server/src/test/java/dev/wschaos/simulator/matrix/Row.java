package dev.wschaos.simulator.matrix;

/**
 * A row of the client matrix: a fault as a plan writes it, what the client does once open, and where the docs
 * describe the fault. The simulator applies the fault to connections on {@link #path()}.
 */
record Row(String id, String group, String fault, Step step, String docs) {

  String path() {
    return "/m/" + id;
  }
}

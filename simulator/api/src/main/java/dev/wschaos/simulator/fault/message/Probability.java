package dev.wschaos.simulator.fault.message;

import dev.wschaos.simulator.common.Problems;

final class Probability {

  private Probability() {}

  static void check(double probability, Problems problems) {
    if (!(probability > 0.0 && probability <= 1.0)) {
      problems.at("probability").error(probability + " is out of range: more than 0, at most 1 (e.g. 0.05)");
    }
  }
}

package dev.wschaos.simulator.fleet;

import dev.wschaos.simulator.common.Problems;
import java.time.Duration;

final class Spread {

  static final Duration MAX = Duration.ofMinutes(10);

  private Spread() {}

  static void validate(Duration spread, Problems problems) {
    if (spread != null && (spread.isNegative() || spread.compareTo(MAX) > 0)) {
      problems.error("must be from 0s to 10m");
    }
  }
}

package dev.wschaos.simulator.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A mixed synthetic fleet for report tests and the documentation example: at 5 s a rolling restart closes every
 * client with 1012 (and the server refuses with 503 for a while); well-behaved clients back off exponentially with
 * full jitter, a few hammer immediately, one ignores 1008.
 */
final class ExampleFleet {

  private ExampleFleet() {}

  static Recording recording() {
    Random random = new Random(11);
    Synthetic s = new Synthetic("app-00");
    List<String> everyone = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      String key = String.format("app-%02d", i);
      everyone.add(key);
      s.client(key, 50 + random.nextInt(900)).resuming(true).accepted(true).at(5000 + random.nextInt(2000))
          .closedByServer(1012, "service restart");
      for (int k = 0; k < 8; k++) {
        s.after(50 + random.nextDouble() * Math.min(2000, 200 * Math.pow(2, k))).rejected(503, null);
      }
      s.after(random.nextDouble() * 1600).accepted(true).open(3000 + random.nextInt(3000));
    }
    for (int i = 0; i < 3; i++) {
      String key = "legacy-" + i;
      everyone.add(key);
      s.client(key, 100 + i * 200).resuming(false).accepted(false).at(5000 + i * 300).closedByServer(1012, "service restart");
      for (int k = 0; k < 30; k++) {
        s.after(2 + random.nextInt(6)).rejected(503, null);
      }
      s.after(3).accepted(false);
    }
    s.client("kiosk-7", 300).accepted(true).open(2500).closedByServer(1008, "policy violation");
    s.after(120).accepted(true).open(900).closedByServer(1008, "policy violation").after(150).accepted(true);
    s.at(5000).event("rolling restart: close all 1012", everyone);
    return s.recording(24_000);
  }
}

package dev.wschaos.simulator.bench;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.fault.connection.HalfOpenFault;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.plan.Trigger;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.Simulators;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The per-message cost of a healthy connection: echo round trips with no rule, with a rule whose match never holds
 * (the connection is healthy, only the plan differs), and with a rule armed on the connection whose trigger never
 * fires. Rounds alternate so machine noise hits all alike; prints medians and ratios. Not part of the default run:
 * {@code ./mvnw -B -q -pl simulator test -Dtest=HealthyPathBenchmark -Dwschaos.benchmark=true}
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "wschaos.benchmark", matches = "true")
class HealthyPathBenchmark {

  private static final int MESSAGES = Integer.getInteger("messages", 5000);
  private static final int ROUNDS = Integer.getInteger("rounds", 5);

  @Test
  void healthyConnectionsPayNothingForRules() throws Exception {
    Plan none = Plan.named("none");
    Plan unmatched = Plan.named("unmatched").withRule(Rule.of(Match.ANY.withPath("/never"), HalfOpenFault.forever()));
    Plan armed = Plan.named("armed").withRule(Rule.of(Match.ANY, Trigger.afterMessages(Integer.MAX_VALUE),
        HalfOpenFault.forever()));
    try (WsChaosServer a = Simulators.start(none); WsChaosServer b = Simulators.start(unmatched);
         WsChaosServer c = Simulators.start(armed)) {
      roundTrip(a, 1000);
      roundTrip(b, 1000);
      roundTrip(c, 1000);
      double[] sums = new double[3];
      for (int round = 0; round < ROUNDS; round++) {
        sums[0] += roundTrip(a, MESSAGES);
        sums[1] += roundTrip(b, MESSAGES);
        sums[2] += roundTrip(c, MESSAGES);
      }
      double base = sums[0] / ROUNDS;
      System.out.printf("echo round trip, mean over %d rounds of %d messages (JDK client, loopback):%n", ROUNDS, MESSAGES);
      System.out.printf("  no rule               %7.1f us%n", base);
      System.out.printf("  rule never matching   %7.1f us  ratio %.3f%n", sums[1] / ROUNDS, sums[1] / ROUNDS / base);
      System.out.printf("  armed, never firing   %7.1f us  ratio %.3f%n", sums[2] / ROUNDS, sums[2] / ROUNDS / base);
    }
  }

  /** Mean microseconds per echo round trip. */
  private static double roundTrip(WsChaosServer server, int messages) throws Exception {
    try (JdkClient jdk = JdkClient.connect(server.wsUrl())) {
      long start = System.nanoTime();
      for (int i = 0; i < messages; i++) {
        jdk.send("m");
        jdk.nextMessage();
      }
      return (System.nanoTime() - start) / 1000.0 / messages;
    }
  }
}

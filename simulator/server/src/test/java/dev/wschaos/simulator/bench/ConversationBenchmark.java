package dev.wschaos.simulator.bench;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.PlanLoader;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.Simulators;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The per-message cost of a conversation against echo: round trips of {@code {"type":"m","id":1}} answered by echo,
 * by a conversation that echoes unmatched messages (dispatch only), by a JSON-matched step with a constant reply,
 * and with a templated reply ({@code {{message.id}}}). Rounds alternate; prints means and ratios. Not part of the
 * default run: {@code ./mvnw -B -q -pl simulator test -Dtest=ConversationBenchmark -Dwschaos.benchmark=true}
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "wschaos.benchmark", matches = "true")
class ConversationBenchmark {

  private static final int MESSAGES = Integer.getInteger("messages", 3000);
  private static final int ROUNDS = Integer.getInteger("rounds", 5);
  private static final String MESSAGE = "{\"type\":\"m\",\"id\":1}";

  @Test
  void aConversationCostsTheMatchingItNeeds() throws Exception {
    String[] names = {"echo", "conversation, unmatched: echo", "json match, constant reply",
        "json match, templated reply"};
    Plan[] plans = {
        Plan.named("echo"),
        conversation("unmatched: echo"),
        conversation("on: [{when: {json: {type: m}}, reply: ['{\"type\":\"r\",\"id\":1}']}]"),
        conversation("on: [{when: {json: {type: m}}, reply: ['{\"type\":\"r\",\"id\":{{message.id}}}']}]")};
    WsChaosServer[] servers = new WsChaosServer[plans.length];
    try {
      for (int i = 0; i < plans.length; i++) {
        servers[i] = Simulators.start(plans[i]);
        roundTrip(servers[i], 1000);
      }
      double[] sums = new double[plans.length];
      for (int round = 0; round < ROUNDS; round++) {
        for (int i = 0; i < plans.length; i++) {
          sums[i] += roundTrip(servers[i], MESSAGES);
        }
      }
      double base = sums[0] / ROUNDS;
      System.out.printf("round trip, mean over %d rounds of %d messages (JDK client, loopback):%n", ROUNDS, MESSAGES);
      for (int i = 0; i < plans.length; i++) {
        System.out.printf("  %-32s %7.1f us  ratio %.3f%n", names[i], sums[i] / ROUNDS, sums[i] / ROUNDS / base);
      }
    } finally {
      for (WsChaosServer server : servers) {
        if (server != null) {
          server.close();
        }
      }
    }
  }

  private static Plan conversation(String fields) {
    return PlanLoader.parse("name: c\nbehaviour:\n  type: conversation\n  " + fields + "\n", "bench.yaml",
        PlanLoader.Format.YAML);
  }

  private static double roundTrip(WsChaosServer server, int messages) throws Exception {
    try (JdkClient jdk = JdkClient.connect(server.wsUrl())) {
      long start = System.nanoTime();
      for (int i = 0; i < messages; i++) {
        jdk.send(MESSAGE);
        jdk.nextMessage();
      }
      return (System.nanoTime() - start) / 1000.0 / messages;
    }
  }
}

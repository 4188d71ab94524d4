package dev.wschaos.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.behaviour.TickerBehaviour;
import dev.wschaos.simulator.fault.Fault;
import dev.wschaos.simulator.fault.message.DropMessagesFault;
import dev.wschaos.simulator.fault.message.DuplicateMessagesFault;
import dev.wschaos.simulator.fault.message.ReorderMessagesFault;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.Simulators;
import dev.wschaos.simulator.support.TestVertx;
import dev.wschaos.simulator.support.VertxClient;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MessageFaultsAcceptanceTest {

  private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
  private static final int TICKS = 60;
  private static final Vertx vertx = TestVertx.shared();

  private static WsChaosServer tickerWith(Fault fault) {
    return Simulators.start(Plan.named("ticks").withSeed(42L)
        .withBehaviour(TickerBehaviour.every(Duration.ofMillis(5)))
        .withRule(Rule.of(Match.ANY, fault)));
  }

  /** Sequence numbers received by the JDK and the Vert.x client, in arrival order. */
  private static List<List<Long>> receive(WsChaosServer server) throws Exception {
    List<Long> jdkSeqs = new ArrayList<>();
    List<Long> vertxSeqs = new ArrayList<>();
    try (JdkClient jdk = JdkClient.connect(server.wsUrl()); VertxClient vx = VertxClient.connect(vertx, server.wsUrl())) {
      while (jdkSeqs.size() < TICKS) {
        jdkSeqs.add(seq(jdk.nextMessage()));
      }
      while (vertxSeqs.size() < TICKS) {
        vertxSeqs.add(seq(vx.nextMessage()));
      }
    }
    return List.of(jdkSeqs, vertxSeqs);
  }

  private static long seq(String tick) {
    Matcher m = SEQ.matcher(tick);
    assertThat(m.find()).as(tick).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void dropMessagesLeavesGapsButNeverRepeatsOrReorders() throws Exception {
    try (WsChaosServer server = tickerWith(new DropMessagesFault(0.3))) {
      for (List<Long> seqs : receive(server)) {
        assertThat(seqs).isSorted().doesNotHaveDuplicates();
        long gaps = seqs.get(seqs.size() - 1) - seqs.get(0) + 1 - seqs.size();
        assertThat(gaps).as("lost ticks among %s", seqs).isPositive();
      }
    }
  }

  @Test
  void duplicateMessagesRepeatsSomeWithoutGaps() throws Exception {
    try (WsChaosServer server = tickerWith(new DuplicateMessagesFault(0.3))) {
      for (List<Long> seqs : receive(server)) {
        assertThat(seqs).isSorted();
        assertThat(seqs.stream().distinct().count()).as("duplicates in %s", seqs).isLessThan(seqs.size());
        List<Long> distinct = seqs.stream().distinct().toList();
        assertThat(distinct.get(distinct.size() - 1) - distinct.get(0) + 1).isEqualTo(distinct.size());
      }
    }
  }

  @Test
  void reorderMessagesShufflesWithinTheWindowWithoutLoss() throws Exception {
    try (WsChaosServer server = tickerWith(new ReorderMessagesFault(3, Duration.ofMillis(200)))) {
      for (List<Long> seqs : receive(server)) {
        assertThat(seqs).as("reordered").isNotEqualTo(seqs.stream().sorted().toList());
        assertThat(seqs).doesNotHaveDuplicates();
        for (int i = 0; i < seqs.size(); i++) {
          assertThat(Math.abs(seqs.get(i) - seqs.stream().sorted().toList().get(i))).as("moved at most window-1")
              .isLessThanOrEqualTo(2);
        }
      }
    }
  }
}

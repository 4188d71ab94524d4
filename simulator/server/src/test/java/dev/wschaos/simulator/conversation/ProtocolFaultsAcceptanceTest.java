package dev.wschaos.simulator.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.plan.PlanLoader;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.Simulators;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Protocol faults as rules, per client attempt, over real sockets. */
class ProtocolFaultsAcceptanceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String CHAT = """
      behaviour:
        type: conversation
        on:
          - when: {json: {type: auth}}
            reply: ['{"type":"ready"}']
          - when: {json: {type: sub}}
            reply: ['{"type":"subbed","id":"{{message.id}}"}']
            feed: {key: "{{message.room}}", every: 20ms, send: '{"seq":{{feed.seq}}}'}
          - when: {json: {type: resume}}
            resume: {feed: "{{message.room}}", after: "{{message.lastSeq}}"}
          - when: {text: "^probe$"}
            reply: [probed]
        heartbeat: {send: ping, every: 20ms}
      """;

  private static WsChaosServer start(String rules) {
    return Simulators.start(PlanLoader.parse("name: faults\n" + CHAT + "rules:\n" + rules.indent(2), "faults.yaml",
        PlanLoader.Format.YAML));
  }

  /** The next message that is not the heartbeat. */
  private static String next(JdkClient client) throws InterruptedException {
    String message;
    do {
      message = client.nextMessage();
    } while (message.equals("ping"));
    return message;
  }

  @Test
  void attemptOneGetsNoAcknowledgementAttemptTwoAnErrorAttemptThreeIsHealthy() throws Exception {
    try (WsChaosServer server = start("""
        - match: {attempt: 1}
          fault: {type: withhold-reply, when: {json: {type: auth}}}
        - match: {attempt: 2}
          fault: {type: error-reply, when: {json: {type: auth}},
                  reply: ['{"type":"error","code":503,"attempt":{{attempt}},"user":"{{message.user}}"}']}
        """)) {
      try (JdkClient first = JdkClient.connect(server.wsUrl("/?clientId=c1"))) {
        first.send("{\"type\":\"auth\",\"user\":\"ana\"}");
        first.send("probe");
        assertThat(next(first)).as("the auth was swallowed: the probe's answer comes first").isEqualTo("probed");
      }
      try (JdkClient second = JdkClient.connect(server.wsUrl("/?clientId=c1"))) {
        second.send("{\"type\":\"auth\",\"user\":\"ana\"}");
        assertThat(next(second)).isEqualTo("{\"type\":\"error\",\"code\":503,\"attempt\":2,\"user\":\"ana\"}");
      }
      try (JdkClient third = JdkClient.connect(server.wsUrl("/?clientId=c1"))) {
        third.send("{\"type\":\"auth\",\"user\":\"ana\"}");
        assertThat(next(third)).isEqualTo("{\"type\":\"ready\"}");
      }
    }
  }

  @Test
  void aWithheldOrRefusedSubscriptionStartsNoFeed() throws Exception {
    try (WsChaosServer server = start("""
        - fault: {type: error-reply, when: {json: {type: sub, room: vip}}, reply: ['{"type":"error","id":"{{message.id}}"}']}
        """);
         JdkClient client = JdkClient.connect(server.wsUrl("/?clientId=c1"))) {
      client.send("{\"type\":\"sub\",\"room\":\"vip\",\"id\":\"s1\"}");
      client.send("{\"type\":\"sub\",\"room\":\"lobby\",\"id\":\"s2\"}");
      assertThat(next(client)).isEqualTo("{\"type\":\"error\",\"id\":\"s1\"}");
      assertThat(next(client)).isEqualTo("{\"type\":\"subbed\",\"id\":\"s2\"}");
      assertThat(next(client)).isEqualTo("{\"seq\":1}");
    }
  }

  @Test
  void aDelayedReplyComesAfterLaterOnes() throws Exception {
    try (WsChaosServer server = start("""
        - fault: {type: delay-reply, when: {json: {type: auth}}, delay: 300ms}
        """);
         JdkClient client = JdkClient.connect(server.wsUrl())) {
      client.send("{\"type\":\"auth\"}");
      client.send("probe");
      assertThat(List.of(next(client), next(client))).containsExactly("probed", "{\"type\":\"ready\"}");
    }
  }

  @Test
  void theServerHeartbeatStopsAfterAMatchingMessage() throws Exception {
    try (WsChaosServer server = start("""
        - trigger: {when: {text: "^stop$"}}
          fault: {type: stop-heartbeat}
        """);
         JdkClient client = JdkClient.connect(server.wsUrl())) {
      assertThat(client.nextMessage()).isEqualTo("ping");
      client.send("stop");
      client.send("probe");
      assertThat(next(client)).isEqualTo("probed");
      assertThat(client.pollMessage(Duration.ofMillis(20 * 25))).as("no ping in 25 heartbeat periods").isNull();
    }
  }

  @Test
  void aFeedSkipsSequenceNumbersThatAResumeStillReplays() throws Exception {
    try (WsChaosServer server = start("""
        - fault: {type: feed-skip, count: 3}
        """);
         JdkClient client = JdkClient.connect(server.wsUrl("/?clientId=c1"))) {
      client.send("{\"type\":\"sub\",\"room\":\"a\"}");
      next(client);
      assertThat(seq(next(client))).as("1, 2 and 3 skipped").isEqualTo(4);
      client.send("{\"type\":\"resume\",\"room\":\"a\",\"lastSeq\":0}");
      List<Long> seqs = new ArrayList<>();
      while (!seqs.contains(3L)) {
        seqs.add(seq(next(client)));
      }
      assertThat(seqs).containsSubsequence(1L, 2L, 3L);
    }
  }

  @Test
  void aFeedRepeatsSequenceNumbers() throws Exception {
    try (WsChaosServer server = start("""
        - match: {clientId: c1}
          fault: {type: feed-repeat, count: 2, feed: "a*"}
        """);
         JdkClient client = JdkClient.connect(server.wsUrl("/?clientId=c1"))) {
      client.send("{\"type\":\"sub\",\"room\":\"abc\"}");
      next(client);
      List<Long> seqs = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        seqs.add(seq(next(client)));
      }
      assertThat(seqs).containsExactly(1L, 1L, 2L, 2L, 3L);
    }
  }

  @Test
  void aMatchingMessageClosesWithTheProtocolsCode() throws Exception {
    try (WsChaosServer server = start("""
        - trigger: {when: {json: {type: sub, room: admin}}}
          fault: {type: close, code: 4403, reason: forbidden}
        """);
         JdkClient client = JdkClient.connect(server.wsUrl())) {
      client.send("{\"type\":\"sub\",\"room\":\"lobby\",\"id\":\"s1\"}");
      assertThat(next(client)).isEqualTo("{\"type\":\"subbed\",\"id\":\"s1\"}");
      client.send("{\"type\":\"sub\",\"room\":\"admin\",\"id\":\"s2\"}");
      assertThat(client.awaitClose()).isEqualTo(new JdkClient.Closed(4403, "forbidden"));
    }
  }

  private static long seq(String event) throws Exception {
    return JSON.readTree(event).get("seq").asLong();
  }
}

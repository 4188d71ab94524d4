package dev.wschaos.simulator.dsl;

import static dev.wschaos.simulator.message.MessageMatch.json;
import static dev.wschaos.simulator.message.MessageMatch.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.admin.AdminSettings;
import dev.wschaos.simulator.behaviour.ConversationBehaviour;
import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.support.JdkClient;
import org.junit.jupiter.api.Test;

/** Message stubs and protocol faults against a simulator reached through its admin API: edits there too. */
class ConversationDslRemoteAcceptanceTest {

  @Test
  void stubsAndFaultsThroughTheAdminApiKeepTheSeedAndRules() throws Exception {
    try (WsChaosServer server = WsChaosServer.builder().admin(AdminSettings.loopback(0).withToken("t")).start()) {
      Chaos chaos = Chaos.of(ChaosTarget.remote(server.adminUrl(), "t"));
      long seed = server.seed();
      ChaosRule unrelated = chaos.onConnection().forClient("nobody").close(1011);

      chaos.conversation().when(json("type", "auth")).reply("{\"type\":\"ready\",\"n\":{{attempt}}}");
      chaos.forClient("r1").attempt(1).withholdReply(json("type", "auth"));

      assertThat(server.plan().behaviour()).isInstanceOf(ConversationBehaviour.class);
      assertThat(server.seed()).as("an edit, not a new plan").isEqualTo(seed);
      assertThat(unrelated.installed()).isTrue();
      try (JdkClient first = JdkClient.connect(server.wsUrl("/?clientId=r1"))) {
        first.send("{\"type\":\"auth\"}");
        first.send("{\"type\":\"other\"}");
        assertThat(first.pollMessage(java.time.Duration.ofMillis(300))).as("withheld").isNull();
      }
      try (JdkClient second = JdkClient.connect(server.wsUrl("/?clientId=r1"))) {
        second.send("{\"type\":\"auth\"}");
        assertThat(second.nextMessage()).isEqualTo("{\"type\":\"ready\",\"n\":2}");
      }

      assertThatThrownBy(() -> chaos.conversation().when(text("^(PING")))
          .isInstanceOf(InvalidPlanException.class)
          .hasMessageContaining("behaviour.on[1].when.text: '^(PING' is not a valid regular expression");
      assertThat(((ConversationBehaviour) server.plan().behaviour()).on()).hasSize(1);
    }
  }
}

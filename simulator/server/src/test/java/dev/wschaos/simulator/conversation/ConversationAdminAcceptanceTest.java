package dev.wschaos.simulator.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.admin.AdminSettings;
import dev.wschaos.simulator.behaviour.ConversationBehaviour;
import dev.wschaos.simulator.client.AdminClient;
import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.support.JdkClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A conversation and its protocol faults installed through the admin API, as a remote test would. */
class ConversationAdminAcceptanceTest {

  @Test
  void installsAConversationAndAProtocolFaultRemotelyAndRefusesABadOne() throws Exception {
    try (WsChaosServer server = WsChaosServer.builder().closeTimeout(Duration.ofSeconds(1))
        .admin(AdminSettings.loopback(0).withToken("t0ken")).start()) {
      AdminClient admin = AdminClient.create(server.adminUrl(), "t0ken");
      String chat = Files.readString(Path.of("src/test/resources/conversations/chat.yaml"));
      assertThat(admin.replacePlan(chat).behaviour()).isInstanceOf(ConversationBehaviour.class);

      try (JdkClient client = JdkClient.connect(server.wsUrl("/?clientId=c1"), Map.of(), List.of("chat.v2"))) {
        assertThat(client.nextMessage()).startsWith("{\"type\":\"hello\"");
        client.send("{\"type\":\"auth\",\"user\":\"ana\"}");
        assertThat(client.nextMessage()).isEqualTo("{\"type\":\"ready\",\"user\":\"ana\",\"client\":\"c1\"}");
      }

      admin.replacePlan(chat + """
          rules:
            - match: {clientId: c2}
              fault: {type: error-reply, when: {json: {type: auth}}, reply: ['{"type":"error","code":401}']}
          """);
      try (JdkClient client = JdkClient.connect(server.wsUrl("/?clientId=c2"), Map.of(), List.of("chat.v2"))) {
        client.nextMessage();
        client.send("{\"type\":\"auth\",\"user\":\"ana\"}");
        assertThat(client.nextMessage()).isEqualTo("{\"type\":\"error\",\"code\":401}");
      }

      assertThatThrownBy(() -> admin.replacePlan("""
          behaviour:
            type: conversation
            on:
              - when: {text: "[x"}
          """))
          .isInstanceOf(InvalidPlanException.class)
          .hasMessageContaining("request body:4:14: behaviour.on[0].when.text: '[x' is not a valid regular expression");
    }
  }
}

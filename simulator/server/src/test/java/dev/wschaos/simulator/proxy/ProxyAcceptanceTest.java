package dev.wschaos.simulator.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.fault.connection.CloseFault;
import dev.wschaos.simulator.fault.handshake.RejectFault;
import dev.wschaos.simulator.fault.message.DropMessagesFault;
import dev.wschaos.simulator.fleet.CloseAction;
import dev.wschaos.simulator.journal.EventType;
import dev.wschaos.simulator.journal.JournalEvent;
import dev.wschaos.simulator.match.AttemptRange;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.Rule;
import dev.wschaos.simulator.plan.Trigger;
import dev.wschaos.simulator.plan.Upstream;
import dev.wschaos.simulator.support.ChatUpstream;
import dev.wschaos.simulator.support.JdkClient;
import dev.wschaos.simulator.support.RawClient;
import dev.wschaos.simulator.support.Simulators;
import dev.wschaos.simulator.support.TestVertx;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real JDK clients through wschaos in proxy mode to a chat-like upstream service. */
class ProxyAcceptanceTest {

  private static final Map<String, String> AUTH = Map.of("Authorization", "Bearer good", "Cookie", "s=1");
  private static ChatUpstream upstream;

  @BeforeAll
  static void startUpstream() throws Exception {
    upstream = ChatUpstream.start(TestVertx.shared());
  }

  @AfterAll
  static void stopUpstream() throws Exception {
    upstream.close();
  }

  private static WsChaosServer proxy(Rule... rules) {
    return Simulators.start(Plan.named("proxy").withSeed(7L)
        .withUpstream(Upstream.to(upstream.url()).forPath("/chat/*"))
        .withRules(List.of(rules)));
  }

  /** Closes the upstream received from wschaos after the client side ended (1001, not the client's code). */
  private static long endedByTheProxy() {
    return upstream.closes().stream()
        .filter(new ChatUpstream.ClosedByPeer((short) 1001, "wschaos: client side ended")::equals).count();
  }

  @Test
  void forwardsTheHandshakeAndRelaysMessagesBothWaysByteForByte() throws Exception {
    try (WsChaosServer server = proxy();
         JdkClient client = JdkClient.connect(server.wsUrl("/chat/room1?clientId=c1&lang=fr%20FR"),
             Map.of("Authorization", "Bearer good", "Cookie", "s=1", "Origin", "https://app.example"),
             List.of("chat.v1", "chat.v0"))) {
      assertThat(client.webSocket().getSubprotocol()).isEqualTo("chat.v1");
      assertThat(client.nextMessage()).as("Origin is not in the default forwardHeaders")
          .isEqualTo("CONNECTED /chat/room1?clientId=c1&lang=fr%20FR auth=Bearer good cookie=s=1 origin=null");

      String unicode = "héllo wörld ✓ " + "x".repeat(1000);
      client.send(unicode);
      assertThat(client.nextMessage()).isEqualTo(unicode);

      client.webSocket().sendText("frag", false).join();
      client.webSocket().sendText("mented ", false).join();
      client.webSocket().sendText("message", true).join();
      assertThat(client.nextMessage()).isEqualTo("fragmented message");

      byte[] large = new byte[200_000];
      new Random(1).nextBytes(large);
      for (int at = 0; at < large.length; at += 50_000) {
        client.webSocket().sendBinary(ByteBuffer.wrap(large, at, 50_000), at + 50_000 == large.length).join();
      }
      assertThat(client.pollBinary(JdkClient.WAIT)).as("200 KB in four 50 KB frames").isEqualTo(large);

      client.webSocket().sendClose(4001, "done here").join();
      assertThat(client.awaitClose().code()).isEqualTo(4001);
      await().untilAsserted(() -> assertThat(upstream.closes())
          .contains(new ChatUpstream.ClosedByPeer((short) 4001, "done here")));
    }
  }

  @Test
  void originIsForwardedWhenChosen() throws Exception {
    try (WsChaosServer server = Simulators.start(Plan.named("proxy").withUpstream(Upstream.to(upstream.url())
             .withForwardHeaders(List.of("Authorization", "Origin"))));
         JdkClient client = JdkClient.connect(server.wsUrl("/chat/x"),
             Map.of("Authorization", "Bearer good", "Origin", "https://app.example"), List.of())) {
      assertThat(client.nextMessage()).isEqualTo("CONNECTED /chat/x auth=Bearer good cookie=null "
          + "origin=https://app.example");
      assertThat(client.webSocket().getSubprotocol()).isEmpty();
    }
  }

  @Test
  void theUpstreamsCloseIsPassedThroughWithItsReasonAndJournaledAsTheUpstreams() throws Exception {
    try (WsChaosServer server = proxy();
         JdkClient client = JdkClient.connect(server.wsUrl("/chat/room1?clientId=crash"), AUTH, List.of())) {
      client.nextMessage();
      client.send("CRASH database unavailable");
      assertThat(client.awaitClose()).isEqualTo(new JdkClient.Closed(1011, "database unavailable"));
      await().untilAsserted(() -> assertThat(server.journal().events()).anySatisfy(event -> {
        assertThat(event.type()).isEqualTo(EventType.CLOSED);
        assertThat(event.clientId()).isEqualTo("crash");
        assertThat(event.code()).isEqualTo(1011);
        assertThat(event.initiator()).isEqualTo(JournalEvent.UPSTREAM);
      }));
    }
  }

  @Test
  void aRefusedUpstreamHandshakeIsPassedThrough() throws Exception {
    try (WsChaosServer server = proxy()) {
      Throwable failure = JdkClient.connectFailure(server.wsUrl("/chat/room1"), Map.of("Authorization", "Bearer bad"),
          List.of());
      assertThat(failure).isInstanceOf(WebSocketHandshakeException.class);
      HttpResponse<?> response = ((WebSocketHandshakeException) failure).getResponse();
      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.headers().firstValue("X-Reason")).hasValue("token");
      assertThat(response.body()).isEqualTo("forbidden: bad token");
    }
  }

  @Test
  void anUpstreamThatIsDownGives502AndOnlyNamedPathsAreProxied() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (WsChaosServer server = Simulators.start(Plan.named("down")
        .withUpstream(Upstream.to("ws://127.0.0.1:" + closedPort).forPath("/chat/*")))) {
      Throwable failure = JdkClient.connectFailure(server.wsUrl("/chat/room1"), AUTH, List.of());
      HttpResponse<?> response = ((WebSocketHandshakeException) failure).getResponse();
      assertThat(response.statusCode()).isEqualTo(502);
      assertThat(String.valueOf(response.body())).contains("upstream ws://127.0.0.1:" + closedPort, "unreachable");

      try (JdkClient echo = JdkClient.connect(server.wsUrl("/other"))) {
        echo.send("not proxied");
        assertThat(echo.nextMessage()).as("paths no upstream names get the plan's behaviour").isEqualTo("not proxied");
      }
    }
  }

  @Test
  void anUpstreamThatDoesNotAnswerWithinTheConnectTimeoutGives504() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
         WsChaosServer server = Simulators.start(Plan.named("slow").withUpstream(
             Upstream.to("ws://127.0.0.1:" + silent.getLocalPort()).withConnectTimeout(Duration.ofMillis(300))))) {
      Throwable failure = JdkClient.connectFailure(server.wsUrl("/chat/room1?clientId=slow"), AUTH, List.of());
      HttpResponse<?> response = ((WebSocketHandshakeException) failure).getResponse();
      assertThat(response.statusCode()).as(String.valueOf(response.body())).isEqualTo(504);
      assertThat(String.valueOf(response.body())).contains("did not answer within 300ms");
      await().untilAsserted(() -> assertThat(server.journal().events()).anySatisfy(event -> {
        assertThat(event.type()).isEqualTo(EventType.UPGRADE_REJECTED);
        assertThat(event.status()).isEqualTo(504);
        assertThat(event.rule()).startsWith("upstream ws://127.0.0.1:");
      }));
    }
  }

  @Test
  void aClientThatStopsReadingStopsTheUpstreamInsteadOfFillingTheProxy() throws Exception {
    try (WsChaosServer server = proxy();
         RawClient stalled = RawClient.upgraded(server.wsUrl("/chat/flood"), Map.of("Authorization", "Bearer good"))) {
      long before = upstream.floodedBytes();
      stalled.sendText("FLOOD");
      long[] last = {-1};
      await().pollInterval(Duration.ofMillis(500)).atMost(Duration.ofSeconds(20)).until(() -> {
        long now = upstream.floodedBytes() - before;
        boolean stalledNow = now == last[0] && now > 0;
        last[0] = now;
        return stalledNow;
      });
      assertThat(last[0]).as("bytes the upstream could write while the client read nothing: socket buffers and "
          + "queues, not the 512 MiB it had").isLessThan(128L * 1024 * 1024);
    }
  }

  @Test
  void faultsFollowTheRulesPerAttemptOnProxiedConnections() throws Exception {
    int before = upstream.upgrades();
    try (WsChaosServer server = proxy(
        Rule.of(Match.attempt(AttemptRange.exactly(1)), RejectFault.status(503)),
        Rule.of(Match.attempt(AttemptRange.exactly(2)), Trigger.afterMessages(2), new CloseFault(1012, "restart")))) {
      Throwable first = JdkClient.connectFailure(server.wsUrl("/chat/r?clientId=p1"), AUTH, List.of());
      assertThat(((WebSocketHandshakeException) first).getResponse().statusCode()).isEqualTo(503);
      assertThat(upstream.upgrades()).as("a handshake fault answers instead of the upstream").isEqualTo(before);

      try (JdkClient second = JdkClient.connect(server.wsUrl("/chat/r?clientId=p1"), AUTH, List.of())) {
        assertThat(second.nextMessage()).startsWith("CONNECTED /chat/r");
        second.send("one");
        assertThat(second.nextMessage()).isEqualTo("one");
        long ended = endedByTheProxy();
        second.send("two");
        assertThat(second.awaitClose()).isEqualTo(new JdkClient.Closed(1012, "restart"));
        await().until(() -> endedByTheProxy() > ended);
      }

      try (JdkClient third = JdkClient.connect(server.wsUrl("/chat/r?clientId=p1"), AUTH, List.of())) {
        assertThat(third.nextMessage()).startsWith("CONNECTED /chat/r");
        third.send("three");
        assertThat(third.nextMessage()).isEqualTo("three");
      }
    }
  }

  @Test
  void aFleetCloseReachesProxiedClientsAndEndsTheirUpstreamSessions() throws Exception {
    try (WsChaosServer server = proxy();
         JdkClient client = JdkClient.connect(server.wsUrl("/chat/fleet?clientId=f1"), AUTH, List.of())) {
      assertThat(client.nextMessage()).startsWith("CONNECTED");
      long ended = endedByTheProxy();
      assertThat(server.act(CloseAction.all(1012, "rolling restart")).selected()).isEqualTo(1);
      assertThat(client.awaitClose()).isEqualTo(new JdkClient.Closed(1012, "rolling restart"));
      await().until(() -> endedByTheProxy() > ended);
    }
  }

  @Test
  void messageFaultsActOnWhatTheUpstreamSends() throws Exception {
    try (WsChaosServer server = proxy(Rule.of(Match.ANY, new DropMessagesFault(1.0)));
         JdkClient client = JdkClient.connect(server.wsUrl("/chat/lossy"), AUTH, List.of())) {
      client.send("lost");
      assertThat(client.pollMessage(Duration.ofMillis(300))).as("hello and echo both dropped").isNull();
    }
  }
}

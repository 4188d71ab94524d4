package dev.wschaos.scenarios.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wschaos.scenarios.client.ClientConversation;
import dev.wschaos.scenarios.client.ClientLedger;
import dev.wschaos.scenarios.client.ConversationPresets;
import dev.wschaos.scenarios.client.ConversationState;
import dev.wschaos.simulator.WsChaosServer;
import dev.wschaos.simulator.fleet.CloseAction;
import dev.wschaos.simulator.plan.Plan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The conversation presets against the catalogue's pack plans on a real embedded simulator, over real sockets (JDK
 * {@code java.net.http.WebSocket} driving a {@link ConversationState}): connect, get ready, receive the feed, a fleet
 * close 1012, reconnect after a backoff longer than the feed period, get ready again, resume, miss nothing.
 */
class PackRollingRestartTest {

  /** Longer than the packs' 200 ms feed period: events are produced while the client is away. */
  private static final long BACKOFF_MILLIS = 700;

  @ParameterizedTest
  @ValueSource(strings = {"stomp", "graphql-ws"})
  void everyClientIsReadyAgainResumesAndMissesNothing(String pack) throws Exception {
    ClientLedger ledger = new ClientLedger();
    ConversationState state = new ConversationState(ConversationPresets.get(pack), ledger, "c1");
    String feed = ConversationPresets.get(pack).feeds().get(0);

    long missedBeforeReconnect = run(pack, plan(pack), ConversationPresets.get(pack), state, ledger, feed);

    ClientLedger.ConversationFacts facts = ledger.snapshot().conversation();
    assertThat(missedBeforeReconnect).isZero();
    assertThat(facts.firstReadyMillis()).hasSize(1);
    assertThat(facts.reconnectReadyMillis()).hasSize(1);
    assertThat(facts.reconnectReadyMillis().get(0)).isGreaterThanOrEqualTo(BACKOFF_MILLIS);
    assertThat(facts.resumes()).isEqualTo(1);
    assertThat(facts.missed()).as("missed after the resume").isZero();
    assertThat(facts.duplicates()).isZero();
  }

  @Test
  void withoutResumeTheSameRestartShowsAGap() throws Exception {
    ClientLedger ledger = new ClientLedger();
    ClientConversation conversation = ConversationPresets.graphqlWs().withoutResume();
    ConversationState state = new ConversationState(conversation, ledger, "c1");

    run("graphql-ws", plan("graphql-ws"), conversation, state, ledger, "tick");

    ClientLedger.ConversationFacts facts = ledger.snapshot().conversation();
    assertThat(facts.resubscriptions()).isEqualTo(1);
    assertThat(facts.resumes()).isZero();
    assertThat(facts.missed()).isPositive();
  }

  private static Supplier<Plan> plan(String pack) {
    return pack.equals("stomp") ? PackPlans::stompWithResume : PackPlans::graphqlWsWithResume;
  }

  /** Returns what was missed before the restart. */
  private static long run(String pack, Supplier<Plan> plan, ClientConversation conversation, ConversationState state,
                          ClientLedger ledger, String feed) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    try (WsChaosServer server = WsChaosServer.builder().plan(plan.get()).start()) {
      URI url = server.wsUrl("/" + pack + "?clientId=c1");
      long started = System.currentTimeMillis();
      Socket first = Socket.open(http, url, conversation.subprotocol(), state, started, false);
      await().atMost(Duration.ofSeconds(10)).until(() -> state.lastSeq(feed) != null && state.lastSeq(feed) >= 3);
      long missed = ledger.snapshot().conversation().missed();

      server.act(CloseAction.all(1012, "service restart"));
      assertThat(first.closed.get(10, TimeUnit.SECONDS)).isEqualTo(1012);
      long lostAt = System.currentTimeMillis();
      long seenBefore = state.lastSeq(feed);
      CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(BACKOFF_MILLIS, TimeUnit.MILLISECONDS))
          .get();

      Socket second = Socket.open(http, url, conversation.subprotocol(), state, lostAt, true);
      await().atMost(Duration.ofSeconds(10)).until(() -> state.lastSeq(feed) >= seenBefore + 6);
      second.ws.abort();
      return missed;
    }
  }

  /** A JDK WebSocket whose every text message goes through the state, and whose answers are sent in order. */
  private static final class Socket implements WebSocket.Listener {
    private final ConversationState state;
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private CompletableFuture<WebSocket> sending;
    private WebSocket ws;

    private Socket(ConversationState state) {
      this.state = state;
    }

    static Socket open(HttpClient http, URI url, String subprotocol, ConversationState state, long start,
                       boolean reconnect) throws Exception {
      Socket socket = new Socket(state);
      WebSocket.Builder builder = http.newWebSocketBuilder();
      if (subprotocol != null) {
        builder.subprotocols(subprotocol);
      }
      socket.ws = builder.buildAsync(url, socket).get(10, TimeUnit.SECONDS);
      assertThat(socket.ws.getSubprotocol()).isEqualTo(subprotocol);
      synchronized (state) {
        socket.sending = CompletableFuture.completedFuture(socket.ws);
        socket.send(state.opened(start, System.currentTimeMillis(), reconnect));
      }
      return socket;
    }

    private void send(List<ConversationState.Outgoing> out) {
      for (ConversationState.Outgoing o : out) {
        sending = sending.thenCompose(w -> w.sendText(o.text(), true));
      }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        synchronized (state) {
          if (sending == null) {
            sending = CompletableFuture.completedFuture(webSocket);
          }
          send(state.received(text, System.currentTimeMillis()));
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.completeExceptionally(error);
    }
  }
}

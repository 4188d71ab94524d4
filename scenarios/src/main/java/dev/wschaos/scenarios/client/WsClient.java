package dev.wschaos.scenarios.client;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.dummy;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.foreach;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.ws;

import dev.wschaos.scenarios.policy.Disconnect;
import dev.wschaos.scenarios.policy.ReconnectPolicy;
import io.gatling.http.action.ws.WsInboundMessage;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A reconnecting WebSocket client as Gatling chains. Gatling's own reconnect is lazy, immediate and blind to close
 * codes, so it is switched off ({@code wsMaxReconnects(0)}) and the {@link ReconnectPolicy} runs in each virtual
 * user's {@link ReconnectMachine} (the state machine, testable without Gatling), which records what happens in the
 * {@link ClientLedger}; messages are written and read by {@link WireMessages} and {@link CloseNotices}. This class
 * only builds the chains:
 *
 * <pre>
 *   connect --> behaviour step (heartbeat | echo | ticker | idle | conversation)
 *      ^          --> notices the loss (close notice, crash, timeout, stale, not ready) --+
 *      |                                                                                  |
 *      +---- group "reconnect" { group "attempt N" { pause(policy delay); connect } ... } &lt;--+
 *                                                                  +--> "gave up: REASON" (KO)
 * </pre>
 *
 * Report keys: {@code connect} (first connection), group {@code reconnect} (disconnect noticed -> connected again,
 * wall clock), nested groups {@code attempt 1} .. {@code attempt 6+} with their {@code connect} request (KO with
 * Gatling's message, e.g. the handshake status), {@code heartbeat} / {@code echo}, {@code disconnect: CAUSE} (a
 * 0 ms marker counted per cause) and {@code gave up: REASON}. A {@link ClientBehaviour.Conversation} sends its
 * opening messages after every connect and answers, subscribes and resumes through {@link ConversationState}.
 *
 * <pre>{@code
 * WsClient client = WsClient.builder("/feed")
 *     .policy(ReconnectPolicy.exponential(Duration.ofMillis(200), 2, Duration.ofSeconds(10), Jitter.FULL))
 *     .behaviour(ClientBehaviour.heartbeat(Duration.ofSeconds(5), Duration.ofSeconds(3)))
 *     .build();
 * ScenarioBuilder scn = scenario("fleet").exec(client.session(Duration.ofMinutes(1)));
 * setUp(scn.injectOpen(rampUsers(1000).during(30))).protocols(WsClient.protocol("ws://127.0.0.1:8080"));
 * }</pre>
 */
public final class WsClient {

  /** The Gatling WebSocket name these chains use. */
  public static final String WS_NAME = "wschaos";
  /** Session key of the virtual user's client id (also sent as {@code ?clientId=}). */
  public static final String CLIENT_ID = "clientId";

  static final String MACHINE = "wschaos.machine";
  static final String END_AT = "wschaos.endAt";
  static final String SEQ = "wschaos.seq";
  static final String SENT_AT = "wschaos.sentAt";
  static final String EXPECTED = "wschaos.expected";
  static final String REPLY = "wschaos.reply";
  static final String CONVERSATION = "wschaos.conversation";
  static final String OUTBOX = "wschaos.outbox";
  static final String OUT = "wschaos.out";
  static final String STARTED_AT = "wschaos.startedAt";
  static final String NODES = "wschaos.nodes";

  private static final Disconnect NOT_READY = Disconnect.of("not-ready");

  private static final int MAX_ATTEMPT_LABEL = 6;
  /** How often the least-connections balancer probes a node that refused a client (see {@link NodeHealthCheck}). */
  private static final Duration HEALTH_CHECK_INTERVAL = Duration.ofMillis(500);
  /** Keeps a user's node draws apart from its jitter draws (same seed, another stream). */
  private static final long NODE_SALT = 0x632BE59BD9B4E019L;

  private final String path;
  private final String clientPrefix;
  private final ReconnectPolicy policy;
  private final ClientBehaviour behaviour;
  private final long seed;
  private final ClientLedger ledger;
  private final List<String> nodes;
  /** The balancer's view shared by this client's users (least connections), or null (random). */
  private final NodeLoad nodeLoad;

  private WsClient(Builder b) {
    this.ledger = b.ledger;
    this.nodes = List.copyOf(b.nodes);
    this.nodeLoad = b.balancing == NodeChooser.Balancing.LEAST_CONNECTIONS && !nodes.isEmpty()
        ? new NodeLoad(nodes, NodeChooser.MARK_DOWN_MILLIS, true) : null;
    if (nodeLoad != null) {
      NodeHealthCheck.start(nodeLoad, HEALTH_CHECK_INTERVAL, NodeHealthCheck::acceptsConnections);
    }
    this.path = b.path;
    this.clientPrefix = b.clientPrefix;
    this.policy = b.policy;
    this.behaviour = b.behaviour;
    this.seed = b.seed;
  }

  public static Builder builder(String path) {
    return new Builder(path);
  }

  /**
   * The HTTP protocol these chains need: Gatling's reconnect off, a buffer for messages that arrive while no check
   * waits (close notices, ticks), no warm-up call to an outside host.
   */
  public static HttpProtocolBuilder protocol(String wsBaseUrl) {
    return http.wsBaseUrl(wsBaseUrl).wsMaxReconnects(0).wsUnmatchedInboundMessageBufferSize(1024).disableWarmUp();
  }

  public ClientLedger ledger() {
    return ledger;
  }

  public ReconnectPolicy policy() {
    return policy;
  }

  public ClientBehaviour behaviour() {
    return behaviour;
  }

  /** The node base URLs clients spread over ({@link Builder#nodes}); empty when they use Gatling's wsBaseUrl. */
  public List<String> nodes() {
    return nodes;
  }

  /** A whole client life: connect, behave, reconnect per the policy, for {@code runFor}, then close. */
  public ChainBuilder session(Duration runFor) {
    return exec(s -> init(s, System.currentTimeMillis() + runFor.toMillis()))
        .exec(life());
  }

  /** A whole client life that ends at a wall-clock time shared by the fleet ({@code System.currentTimeMillis()}). */
  public ChainBuilder sessionUntil(java.util.function.LongSupplier endAtMillis) {
    return exec(s -> init(s, endAtMillis.getAsLong())).exec(life());
  }

  private ChainBuilder life() {
    return exec(s -> s.set(STARTED_AT, System.currentTimeMillis()))
        .exec(connectAction())
        .exec(s -> {
          attemptEnded(s, !s.isFailed());
          machine(s).firstConnect(!s.isFailed());
          return s.markAsSucceeded();
        })
        .exec(opened(false))
        .asLongAs(this::running).on(
            doIfOrElse(WsClient::connected).then(step()).orElse(reconnect()))
        .exec(closeAtEnd());
  }

  /** One behaviour step while connected; tells the machine when it notices a loss. */
  public ChainBuilder step() {
    if (behaviour instanceof ClientBehaviour.Heartbeat h) {
      return requestReply("heartbeat", h.interval(), h.timeout(), false);
    }
    if (behaviour instanceof ClientBehaviour.Echo e) {
      return requestReply("echo", e.interval(), e.timeout(), true);
    }
    if (behaviour instanceof ClientBehaviour.Ticker t) {
      return pause(t.poll()).exec(drain()).exec(s -> {
        ReconnectMachine m = machine(s);
        m.applyNotice();
        if (m.connected() && m.silentFor(t.staleAfter())) {
          m.lost(Disconnect.STALE);
        }
        return s;
      }).doIf(s -> !connected(s) && Disconnect.STALE.equals(machine(s).why())).then(abandon());
    }
    if (behaviour instanceof ClientBehaviour.Conversation c) {
      return conversationStep(c);
    }
    ClientBehaviour.Idle idle = (ClientBehaviour.Idle) behaviour;
    return pause(idle.poll()).exec(drain()).exec(s -> {
      machine(s).applyNotice();
      return s;
    });
  }

  /** Reconnect per the policy: the {@code reconnect} group, or {@code gave up: REASON}. */
  public ChainBuilder reconnect() {
    return exec(dummy(s -> "disconnect: " + machine(s).why().cause(), 0))
        .exec(s -> {
          if (s.contains(NODES)) {
            s.<NodeChooser>get(NODES).lost();
          }
          machine(s).decide();
          return s;
        })
        .doIf(s -> machine(s).gaveUp() == null).then(
            group("reconnect").on(
                asLongAs(s -> !connected(s) && machine(s).gaveUp() == null && beforeEnd(s)).on(
                    group(s -> attemptLabel(machine(s).attempt())).on(
                        pause(s -> machine(s).delay())
                            .exec(s -> {
                              machine(s).attempting();
                              if (s.contains(NODES)) {
                                s.<NodeChooser>get(NODES).next();
                              }
                              return s.remove(WS_NAME);
                            })
                            .exec(connectAction()))
                        .exec(s -> {
                          attemptEnded(s, !s.isFailed());
                          machine(s).attempted(!s.isFailed());
                          return s.markAsSucceeded();
                        })
                        .exec(opened(true)))))
        .doIf(s -> machine(s).gaveUp() != null).then(
            exec(dummy(s -> "gave up: " + machine(s).gaveUp(), 0).withSuccess(false)));
  }

  private ChainBuilder requestReply(String name, Duration interval, Duration timeout, boolean verify) {
    return exec(drain())
        .exec(s -> {
          machine(s).applyNotice();
          return s;
        })
        .doIf(WsClient::connected).then(
            exec(s -> {
              long seq = s.getLong(SEQ) + 1;
              String clientId = s.getString(CLIENT_ID);
              String text = verify ? WireMessages.echo(clientId, seq) : WireMessages.ping(clientId, seq);
              return s.set(SEQ, seq).set(EXPECTED, text).set(SENT_AT, System.currentTimeMillis()).remove(REPLY);
            })
                .exitBlockOnFail().on(
                    exec(ws(name).wsName(WS_NAME).sendText(s -> s.getString(EXPECTED))
                        .await(timeout).on(ws.checkTextMessage(name + " reply").check(bodyString().saveAs(REPLY)))))
                .exec(drain())
                .exec(s -> classifyReply(s, timeout, verify))
                .doIfOrElse(WsClient::connected).then(pause(interval))
                .orElse(doIf(s -> Disconnect.HEARTBEAT_TIMEOUT.equals(machine(s).why())).then(abandon())));
  }

  private Session classifyReply(Session s, Duration timeout, boolean verify) {
    boolean failed = s.isFailed();
    Session next = s.markAsSucceeded();
    ReconnectMachine m = machine(next);
    String reply = next.contains(REPLY) ? next.getString(REPLY) : null;
    Disconnect notice = m.takeNotice();
    Disconnect inReply = CloseNotices.parse(reply);
    if (inReply != null) {
      notice = inReply;
    }
    if (notice != null) {
      m.lost(notice);
    } else if (failed) {
      long waited = System.currentTimeMillis() - next.getLong(SENT_AT);
      m.lost(waited >= timeout.toMillis() * 9 / 10 ? Disconnect.HEARTBEAT_TIMEOUT : Disconnect.DROPPED);
    } else {
      m.replied(!verify || Objects.equals(reply, next.getString(EXPECTED)));
    }
    return next;
  }

  /**
   * A conversation's step: read what arrived (answers and subscriptions go to the outbox), then give the connection
   * up when it is closing, not ready in time or (once ready) stale, else send the outbox.
   */
  private ChainBuilder conversationStep(ClientBehaviour.Conversation c) {
    return pause(c.poll()).exec(drain()).exec(s -> {
      ReconnectMachine m = machine(s);
      m.applyNotice();
      if (m.connected() && conversation(s).readyOverdue(System.currentTimeMillis())) {
        m.lost(NOT_READY);
      } else if (m.connected() && conversation(s).ready() && m.silentFor(c.staleAfter())) {
        m.lost(Disconnect.STALE);
      }
      return s;
    })
        .doIfOrElse(WsClient::connected).then(flush())
        .orElse(exec(s -> s.remove(OUTBOX))
            .doIf(s -> NOT_READY.equals(machine(s).why())).then(
                exitBlockOnFail().on(exec(ws("close").wsName(WS_NAME).close())).exec(abandon()))
            .doIf(s -> Disconnect.STALE.equals(machine(s).why())).then(abandon()));
  }

  /** A connection opened (first or again): a conversation sends its opening messages. */
  private ChainBuilder opened(boolean reconnect) {
    if (!(behaviour instanceof ClientBehaviour.Conversation)) {
      return exec(s -> s);
    }
    return doIf(WsClient::connected).then(
        exec(s -> {
          long start = reconnect ? machine(s).lostAt() : s.getLong(STARTED_AT);
          List<ConversationState.Outgoing> out =
              conversation(s).opened(start, System.currentTimeMillis(), reconnect);
          return s.set(OUTBOX, out);
        }).exec(flush()));
  }

  /** Send the conversation's outbox in order; a send that fails means the connection is gone. */
  private ChainBuilder flush() {
    return doIf(s -> s.contains(OUTBOX) && !s.<List<?>>get(OUTBOX).isEmpty()).then(
        exitBlockOnFail().on(
            foreach(s -> s.<List<ConversationState.Outgoing>>get(OUTBOX), OUT).on(
                exec(ws("send").wsName(WS_NAME).sendText(s -> s.<ConversationState.Outgoing>get(OUT).text())))))
        .exec(s -> {
          boolean failed = s.isFailed();
          Session next = s.markAsSucceeded().remove(OUTBOX).remove(OUT);
          if (failed) {
            machine(next).lost(Disconnect.DROPPED);
          }
          return next;
        });
  }

  private ChainBuilder drain() {
    return exec(ws.processUnmatchedMessages(WS_NAME, (messages, s) -> {
      List<ConversationState.Outgoing> out = readBuffered(messages, machine(s),
          s.contains(CONVERSATION) ? conversation(s) : null);
      if (out.isEmpty()) {
        return s;
      }
      List<ConversationState.Outgoing> outbox = new ArrayList<>(s.contains(OUTBOX) ? s.get(OUTBOX) : List.of());
      outbox.addAll(out);
      return s.set(OUTBOX, outbox);
    }));
  }

  private List<ConversationState.Outgoing> readBuffered(List<WsInboundMessage> messages, ReconnectMachine m,
                                                        ConversationState conversation) {
    List<ConversationState.Outgoing> out = new ArrayList<>();
    for (WsInboundMessage message : messages) {
      if (!(message instanceof WsInboundMessage.Text text)) {
        continue;
      }
      Disconnect notice = CloseNotices.parse(text.message());
      if (notice != null) {
        m.noticed(notice);
        continue;
      }
      m.messageAt(text.timestamp());
      if (conversation != null) {
        out.addAll(conversation.received(text.message(), text.timestamp()));
      }
      if (behaviour instanceof ClientBehaviour.Ticker) {
        Long seq = WireMessages.tickSeq(text.message());
        if (seq != null) {
          m.tick(seq);
        }
      }
    }
    return out;
  }

  private Session init(Session s, long endAtMillis) {
    String clientId = s.contains(CLIENT_ID) ? s.getString(CLIENT_ID) : clientPrefix + s.userId();
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + s.userId());
    Session next = behaviour instanceof ClientBehaviour.Conversation c
        ? s.set(CONVERSATION, new ConversationState(c.conversation(), ledger, clientId)) : s;
    if (!nodes.isEmpty()) {
      SplittableRandom draws = new SplittableRandom((seed + NODE_SALT) * 0x9E3779B97F4A7C15L + s.userId());
      NodeChooser chooser = new NodeChooser(nodes, s.userId() - 1, draws::nextDouble, nodeLoad,
          System::currentTimeMillis);
      chooser.first();
      next = next.set(NODES, chooser);
    }
    return next.set(CLIENT_ID, clientId)
        .set(MACHINE, new ReconnectMachine(policy, ledger, System::currentTimeMillis, random::nextDouble))
        .set(SEQ, 0L)
        .set(END_AT, endAtMillis);
  }

  private io.gatling.javaapi.http.WsConnectActionBuilder connectAction() {
    io.gatling.javaapi.http.WsConnectActionBuilder connect = ws("connect").wsName(WS_NAME).connect(this::url);
    if (behaviour instanceof ClientBehaviour.Conversation c && c.conversation().subprotocol() != null) {
      return connect.subprotocol(c.conversation().subprotocol());
    }
    return connect;
  }

  private void attemptEnded(Session s, boolean ok) {
    if (!s.contains(NODES)) {
      return;
    }
    NodeChooser chooser = s.get(NODES);
    chooser.ended(ok);
    if (ok) {
      ledger.connectedTo(chooser.current());
    }
  }

  private String url(Session s) {
    String node = s.contains(NODES) ? s.<NodeChooser>get(NODES).current() : "";
    StringBuilder url = new StringBuilder(node).append(path).append(path.contains("?") ? '&' : '?')
        .append("clientId=").append(URLEncoder.encode(s.getString(CLIENT_ID), StandardCharsets.UTF_8))
        .append('&').append(CloseNotices.PARAM);
    Long resumeFrom = machine(s).resumeFrom();
    if (behaviour instanceof ClientBehaviour.Ticker t && t.resume() && resumeFrom != null) {
      url.append("&lastSeq=").append(resumeFrom);
    }
    return url.toString();
  }

  /**
   * Leave a socket whose peer is presumed dead (heartbeat timeout, stale ticker) without a closing handshake: Gatling's
   * close waits for the server's close frame up to the request timeout (60 s), which a half-open peer never sends,
   * and Gatling has no way to abort the TCP connection as a real client would. The socket stays open until the
   * server or the run ends it.
   */
  private ChainBuilder abandon() {
    return exec(s -> s.markAsSucceeded().remove(WS_NAME));
  }

  private ChainBuilder closeAtEnd() {
    return doIf(WsClient::connected).then(
        exitBlockOnFail().on(exec(ws("close").wsName(WS_NAME).close()))
            .exec(s -> {
              machine(s).closedByClient();
              return s.markAsSucceeded();
            }));
  }

  private boolean running(Session s) {
    return machine(s).gaveUp() == null && beforeEnd(s);
  }

  private static boolean beforeEnd(Session s) {
    return System.currentTimeMillis() < s.getLong(END_AT);
  }

  private static ReconnectMachine machine(Session s) {
    return s.get(MACHINE);
  }

  private static ConversationState conversation(Session s) {
    return s.get(CONVERSATION);
  }

  private static boolean connected(Session s) {
    return machine(s).connected();
  }

  static String attemptLabel(int attempt) {
    return attempt >= MAX_ATTEMPT_LABEL ? "attempt " + MAX_ATTEMPT_LABEL + "+" : "attempt " + attempt;
  }

  /** Sets up a {@link WsClient}. */
  public static final class Builder {
    private final String path;
    private String clientPrefix = "client-";
    private ReconnectPolicy policy = ReconnectPolicy.of(null);
    private ClientBehaviour behaviour = ClientBehaviour.parse("heartbeat");
    private long seed = 42;
    private ClientLedger ledger = new ClientLedger();
    private List<String> nodes = List.of();
    private NodeChooser.Balancing balancing = NodeChooser.Balancing.LEAST_CONNECTIONS;

    private Builder(String path) {
      this.path = path.startsWith("/") ? path : "/" + path;
    }

    public Builder policy(ReconnectPolicy value) {
      this.policy = Objects.requireNonNull(value, "policy");
      return this;
    }

    public Builder behaviour(ClientBehaviour value) {
      this.behaviour = Objects.requireNonNull(value, "behaviour");
      return this;
    }

    /** Client ids are this prefix plus the virtual user id (unless the session already has a {@code clientId}). */
    public Builder clientPrefix(String value) {
      this.clientPrefix = Objects.requireNonNull(value, "clientPrefix");
      return this;
    }

    /** Seeds the jitter: each virtual user draws from its own random source derived from this seed. */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** Where the virtual users record what they observe (default: a fresh one, see {@link WsClient#ledger()}). */
    public Builder ledger(ClientLedger value) {
      this.ledger = Objects.requireNonNull(value, "ledger");
      return this;
    }

    /**
     * Spread the clients over several nodes of one service, as a load balancer would ({@link NodeChooser}): each
     * connect goes to {@code node base + path + query}, the first connect of user i to node {@code i mod n}, every
     * reconnect attempt to another node than the one where the preceding attempt failed, chosen as {@link
     * #balancing} says (least connections by default). Default: none, the URL is relative to the protocol's
     * {@code wsBaseUrl}.
     *
     * <pre>{@code
     * WsClient.builder("/feed").nodes(List.of("ws://127.0.0.1:8080", "ws://127.0.0.1:8090")).build();
     * }</pre>
     *
     * @throws IllegalArgumentException when a URL is not {@code ws://} or {@code wss://}
     */
    public Builder nodes(List<String> wsBaseUrls) {
      List<String> out = new ArrayList<>();
      for (String url : wsBaseUrls) {
        String u = url == null ? "" : url.trim();
        if (!u.startsWith("ws://") && !u.startsWith("wss://")) {
          throw new IllegalArgumentException("node URL '" + url + "': use ws://host:port or wss://host:port");
        }
        out.add(u.replaceAll("/+$", ""));
      }
      this.nodes = List.copyOf(out);
      return this;
    }

    /**
     * How reconnects choose among the {@link #nodes}: {@code LEAST_CONNECTIONS} (default: the node with the fewest of
     * this client's users, leaving out a node that refused one of them until a TCP health check every 500 ms finds
     * it accepting again, see {@link NodeLoad} and {@link NodeHealthCheck}) or {@code RANDOM}.
     *
     * <pre>{@code
     * WsClient.builder("/feed").nodes(urls).balancing(NodeChooser.Balancing.RANDOM).build();
     * }</pre>
     */
    public Builder balancing(NodeChooser.Balancing value) {
      this.balancing = Objects.requireNonNull(value, "balancing");
      return this;
    }

    public WsClient build() {
      return new WsClient(this);
    }
  }
}

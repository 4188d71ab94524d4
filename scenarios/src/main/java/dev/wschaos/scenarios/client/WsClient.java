package dev.wschaos.scenarios.client;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.dummy;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.ws;

import dev.wschaos.scenarios.policy.Disconnect;
import dev.wschaos.scenarios.policy.ReconnectDecision;
import dev.wschaos.scenarios.policy.ReconnectPolicy;
import io.gatling.http.action.ws.WsInboundMessage;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reconnecting WebSocket client as Gatling chains. Gatling's own reconnect is lazy, immediate and blind to close
 * codes, so it is switched off ({@code wsMaxReconnects(0)}) and the {@link ReconnectPolicy} runs here:
 *
 * <pre>
 *   connect --> behaviour step (heartbeat | echo | ticker | idle) --> notices the loss (close notice, crash, timeout)
 *                  ^                                                         |
 *                  +---- group "reconnect" { group "attempt N" { pause(policy delay); connect } ... } <--+
 *                                                                            +--> "gave up: REASON" (KO)
 * </pre>
 *
 * Report keys: {@code connect} (first connection), group {@code reconnect} (disconnect noticed -> connected again,
 * wall clock), nested groups {@code attempt 1} .. {@code attempt 6+} with their {@code connect} request (KO with
 * Gatling's message, e.g. the handshake status), {@code heartbeat} / {@code echo}, {@code disconnect: CAUSE} (a
 * 0 ms marker counted per cause) and {@code gave up: REASON}.
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

  static final String CONNECTED = "wschaos.connected";
  static final String WHY = "wschaos.why";
  static final String LOST_AT = "wschaos.lostAt";
  static final String ATTEMPT = "wschaos.attempt";
  static final String DELAY = "wschaos.delay";
  static final String PREV_DELAY = "wschaos.prevDelay";
  static final String GAVE_UP = "wschaos.gaveUp";
  static final String END_AT = "wschaos.endAt";
  static final String RANDOM = "wschaos.random";
  static final String SEQ = "wschaos.seq";
  static final String SENT_AT = "wschaos.sentAt";
  static final String EXPECTED = "wschaos.expected";
  static final String REPLY = "wschaos.reply";
  static final String NOTICE = "wschaos.notice";
  static final String LAST_SEQ = "wschaos.lastSeq";
  static final String LAST_MESSAGE_AT = "wschaos.lastMessageAt";

  private static final Pattern TICK_SEQ = Pattern.compile("\"seq\":(\\d+)");
  private static final int MAX_ATTEMPT_LABEL = 6;

  private final String path;
  private final String clientPrefix;
  private final ReconnectPolicy policy;
  private final ClientBehaviour behaviour;
  private final long seed;
  private final ClientLedger ledger;

  private WsClient(Builder b) {
    this.ledger = b.ledger;
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
    return exec(s -> s)
        .exec(connectAction())
        .exec(this::afterFirstConnect)
        .asLongAs(this::running).on(
            doIfOrElse(WsClient::connected).then(step()).orElse(reconnect()))
        .exec(closeAtEnd());
  }

  /** One behaviour step while connected; marks the session disconnected when it notices a loss. */
  public ChainBuilder step() {
    if (behaviour instanceof ClientBehaviour.Heartbeat h) {
      return requestReply("heartbeat", h.interval(), h.timeout(), false);
    }
    if (behaviour instanceof ClientBehaviour.Echo e) {
      return requestReply("echo", e.interval(), e.timeout(), true);
    }
    if (behaviour instanceof ClientBehaviour.Ticker t) {
      return pause(t.poll()).exec(drain()).exec(s -> {
        Session next = noticeToLost(s);
        if (connected(next) && System.currentTimeMillis() - next.getLong(LAST_MESSAGE_AT) > t.staleAfter().toMillis()) {
          next = lost(next, Disconnect.STALE);
        }
        return next;
      }).doIf(s -> Disconnect.STALE.equals(s.get(WHY)) && !connected(s)).then(abandon());
    }
    ClientBehaviour.Idle idle = (ClientBehaviour.Idle) behaviour;
    return pause(idle.poll()).exec(drain()).exec(this::noticeToLost);
  }

  /** Reconnect per the policy: the {@code reconnect} group, or {@code gave up: REASON}. */
  public ChainBuilder reconnect() {
    return exec(dummy(s -> "disconnect: " + ((Disconnect) s.get(WHY)).cause(), 0))
        .exec(this::decide)
        .doIf(s -> !s.contains(GAVE_UP)).then(
            group("reconnect").on(
                asLongAs(s -> !connected(s) && !s.contains(GAVE_UP) && beforeEnd(s)).on(
                    group(s -> attemptLabel(s.getInt(ATTEMPT))).on(
                        pause(s -> Duration.ofMillis(s.getLong(DELAY)))
                            .exec(this::beforeAttempt)
                            .exec(connectAction()))
                        .exec(this::afterAttempt))))
        .doIf(s -> s.contains(GAVE_UP)).then(
            exec(dummy(s -> "gave up: " + s.getString(GAVE_UP), 0).withSuccess(false)));
  }

  private ChainBuilder requestReply(String name, Duration interval, Duration timeout, boolean verify) {
    return exec(drain())
        .exec(this::noticeToLost)
        .doIf(WsClient::connected).then(
            exec(s -> {
              long seq = s.getLong(SEQ) + 1;
              String text = verify
                  ? "echo " + seq + " from " + s.getString(CLIENT_ID)
                  : "{\"type\":\"ping\",\"client\":\"" + s.getString(CLIENT_ID) + "\",\"seq\":" + seq + "}";
              return s.set(SEQ, seq).set(EXPECTED, text).set(SENT_AT, System.currentTimeMillis()).remove(REPLY);
            })
                .exitBlockOnFail().on(
                    exec(ws(name).wsName(WS_NAME).sendText(s -> s.getString(EXPECTED))
                        .await(timeout).on(ws.checkTextMessage(name + " reply").check(bodyString().saveAs(REPLY)))))
                .exec(drain())
                .exec(s -> classifyReply(s, timeout, verify))
                .doIfOrElse(WsClient::connected).then(pause(interval))
                .orElse(doIf(s -> Disconnect.HEARTBEAT_TIMEOUT.equals(s.get(WHY))).then(abandon())));
  }

  private Session classifyReply(Session s, Duration timeout, boolean verify) {
    boolean failed = s.isFailed();
    Session next = s.markAsSucceeded();
    Disconnect notice = next.get(NOTICE);
    Disconnect inReply = CloseNotices.parse(next.getString(REPLY));
    if (inReply != null) {
      notice = inReply;
    }
    if (notice != null) {
      return lost(next.remove(NOTICE), notice);
    }
    if (failed) {
      long waited = System.currentTimeMillis() - next.getLong(SENT_AT);
      return lost(next, waited >= timeout.toMillis() * 9 / 10 ? Disconnect.HEARTBEAT_TIMEOUT : Disconnect.DROPPED);
    }
    ledger.message();
    if (verify && !Objects.equals(next.getString(REPLY), next.getString(EXPECTED))) {
      ledger.echoMismatch();
    }
    return next.set(LAST_MESSAGE_AT, System.currentTimeMillis());
  }

  private ChainBuilder drain() {
    return exec(ws.processUnmatchedMessages(WS_NAME, (messages, s) -> readBuffered(messages, s)));
  }

  private Session readBuffered(List<WsInboundMessage> messages, Session s) {
    Session next = s;
    Long lastSeq = s.contains(LAST_SEQ) ? s.getLong(LAST_SEQ) : null;
    long lastAt = s.getLong(LAST_MESSAGE_AT);
    for (WsInboundMessage message : messages) {
      if (!(message instanceof WsInboundMessage.Text text)) {
        continue;
      }
      Disconnect notice = CloseNotices.parse(text.message());
      if (notice != null) {
        next = next.set(NOTICE, notice);
        continue;
      }
      lastAt = Math.max(lastAt, text.timestamp());
      Matcher m = TICK_SEQ.matcher(text.message());
      if (behaviour instanceof ClientBehaviour.Ticker && m.find()) {
        long seq = Long.parseLong(m.group(1));
        if (lastSeq == null || seq > lastSeq) {
          ledger.tick(lastSeq == null ? 0 : seq - lastSeq - 1);
          lastSeq = seq;
        }
      }
    }
    next = next.set(LAST_MESSAGE_AT, lastAt);
    return lastSeq == null ? next : next.set(LAST_SEQ, lastSeq);
  }

  private Session noticeToLost(Session s) {
    Disconnect notice = s.get(NOTICE);
    return notice == null || !connected(s) ? s : lost(s.remove(NOTICE), notice);
  }

  private Session init(Session s, long endAtMillis) {
    String clientId = s.contains(CLIENT_ID) ? s.getString(CLIENT_ID) : clientPrefix + s.userId();
    return s.set(CLIENT_ID, clientId)
        .set(CONNECTED, false)
        .set(SEQ, 0L)
        .set(ATTEMPT, 0)
        .set(PREV_DELAY, 0L)
        .set(LAST_MESSAGE_AT, System.currentTimeMillis())
        .set(END_AT, endAtMillis)
        .set(RANDOM, new SplittableRandom(seed * 0x9E3779B97F4A7C15L + s.userId()));
  }

  private io.gatling.javaapi.http.WsConnectActionBuilder connectAction() {
    return ws("connect").wsName(WS_NAME).connect(this::url);
  }

  private String url(Session s) {
    StringBuilder url = new StringBuilder(path).append(path.contains("?") ? '&' : '?')
        .append("clientId=").append(s.getString(CLIENT_ID)).append('&').append(CloseNotices.PARAM);
    if (behaviour instanceof ClientBehaviour.Ticker t && t.resume() && s.contains(LAST_SEQ)) {
      url.append("&lastSeq=").append(s.getLong(LAST_SEQ));
    }
    return url.toString();
  }

  private Session afterFirstConnect(Session s) {
    if (s.isFailed()) {
      ledger.connectFailed();
      return markLost(s.markAsSucceeded(), Disconnect.HANDSHAKE_FAILED);
    }
    ledger.connected(false, 0);
    return s.set(CONNECTED, true).set(LAST_MESSAGE_AT, System.currentTimeMillis());
  }

  private Session lost(Session s, Disconnect why) {
    ledger.disconnected(why);
    return markLost(s, why);
  }

  private static Session markLost(Session s, Disconnect why) {
    return s.set(CONNECTED, false).set(WHY, why).set(LOST_AT, System.currentTimeMillis())
        .set(ATTEMPT, 0).set(PREV_DELAY, 0L);
  }

  private Session decide(Session s) {
    int attempt = s.getInt(ATTEMPT) + 1;
    Disconnect why = s.get(WHY);
    SplittableRandom random = s.get(RANDOM);
    Duration since = Duration.ofMillis(System.currentTimeMillis() - s.getLong(LOST_AT));
    ReconnectDecision decision = policy.next(why, attempt, since, s.getLong(PREV_DELAY), random::nextDouble);
    if (decision instanceof ReconnectDecision.Retry retry) {
      return s.set(ATTEMPT, attempt).set(DELAY, retry.delayMillis()).set(PREV_DELAY, retry.delayMillis());
    }
    String reason = ((ReconnectDecision.GiveUp) decision).reason();
    ledger.gaveUp(reason);
    return s.set(GAVE_UP, reason);
  }

  private Session beforeAttempt(Session s) {
    ledger.attempt(s.get(WHY), System.currentTimeMillis() - s.getLong(LOST_AT));
    return s.remove(WS_NAME).remove(NOTICE);
  }

  private Session afterAttempt(Session s) {
    if (s.isFailed()) {
      ledger.connectFailed();
      Disconnect previous = s.get(WHY);
      Session next = s.markAsSucceeded().set(WHY, Disconnect.HANDSHAKE_FAILED);
      Session decided = decide(next);
      return decided.contains(GAVE_UP) ? decided : decided.set(WHY, keepAdvice(previous));
    }
    ledger.connected(true, System.currentTimeMillis() - s.getLong(LOST_AT));
    return s.set(CONNECTED, true).set(LAST_MESSAGE_AT, System.currentTimeMillis());
  }

  private static Disconnect keepAdvice(Disconnect previous) {
    return previous.advisedDelayMs() == null ? Disconnect.HANDSHAKE_FAILED : previous;
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
              ledger.closedByClient();
              return s.markAsSucceeded().set(CONNECTED, false);
            }));
  }

  private boolean running(Session s) {
    return !s.contains(GAVE_UP) && beforeEnd(s);
  }

  private static boolean beforeEnd(Session s) {
    return System.currentTimeMillis() < s.getLong(END_AT);
  }

  private static boolean connected(Session s) {
    return s.getBoolean(CONNECTED);
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

    public WsClient build() {
      return new WsClient(this);
    }
  }
}

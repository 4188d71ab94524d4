package dev.wschaos.scenarios.client;

import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.message.MessageMatch;
import dev.wschaos.simulator.message.MessageTemplate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The application protocol a virtual user speaks on top of WebSocket, as data: what it sends when a connection opens,
 * which reply makes it <em>ready</em>, which server messages it answers (application pings), which feeds it
 * subscribes to, how it resumes a feed after a reconnect, and how it reads a feed event's key and sequence number.
 * Matching uses the simulator's own vocabulary ({@link MessageMatch}: JSON fields or a regex) and messages are
 * Mustache templates ({@link MessageTemplate}) over {@code clientId}, {@code attempt} (1 for the first connection),
 * and in {@code subscribe}/{@code resume} {@code feed} and {@code lastSeq}.
 *
 * <pre>{@code
 * ClientConversation chat = new ClientConversation("chat", "chat.v2",
 *     List.of(MessageTemplate.of("{\"type\":\"auth\",\"user\":\"{{clientId}}\"}")),
 *     MessageMatch.json("type", "ready"), Duration.ofSeconds(5),
 *     List.of(new ClientConversation.Answer(MessageMatch.json("type", "ping"), MessageTemplate.of("{\"type\":\"pong\"}"))),
 *     List.of("lobby"),
 *     MessageTemplate.of("{\"type\":\"subscribe\",\"room\":\"{{feed}}\"}"),
 *     MessageTemplate.of("{\"type\":\"resume\",\"room\":\"{{feed}}\",\"lastSeq\":{{lastSeq}}}"),
 *     new ClientConversation.FeedEvent(MessageMatch.json("type", "event"), "/room", "/seq"));
 * ClientBehaviour behaviour = ClientBehaviour.conversation(chat);
 * }</pre>
 *
 * @param name a label for reports
 * @param subprotocol offered in the upgrade ({@code Sec-WebSocket-Protocol}); null offers none
 * @param onOpen sent in order as soon as each connection opens (e.g. STOMP {@code CONNECT}, graphql-ws
 *               {@code connection_init})
 * @param ready the reply after which the user is ready (e.g. {@code CONNECTED}, {@code connection_ack}); null: ready
 *              as soon as the connection opens
 * @param readyTimeout no ready reply within this of the connection opening: the client gives the connection up
 *                     ({@code not-ready}) and reconnects
 * @param answers server messages the client answers (an application ping and its pong)
 * @param feeds the feed keys the client subscribes to once ready, each with {@code subscribe}
 * @param subscribe a subscription to {@code {{feed}}}
 * @param resume after a reconnect, a subscription to {@code {{feed}}} resuming after {@code {{lastSeq}}}; null:
 *               the client subscribes again with {@code subscribe} (and sees what it missed as a gap)
 * @param events how a feed event is recognised and read; null: the client counts no gaps
 */
public record ClientConversation(String name, String subprotocol, List<MessageTemplate> onOpen, MessageMatch ready,
                                 Duration readyTimeout, List<Answer> answers, List<String> feeds,
                                 MessageTemplate subscribe, MessageTemplate resume, FeedEvent events) {

  static final Set<String> OPEN_VARIABLES = Set.of("clientId", "attempt");
  static final Set<String> FEED_VARIABLES = Set.of("clientId", "attempt", "feed", "lastSeq");

  /** A server message the client answers: {@code reply} is a template over the open variables. */
  public record Answer(MessageMatch when, MessageTemplate reply) {
    public Answer {
      Objects.requireNonNull(when, "answer.when");
      Objects.requireNonNull(reply, "answer.reply");
    }
  }

  /**
   * A feed event: {@code when} recognises it; {@code feed} and {@code seq} say where its key and sequence number are,
   * each a JSON Pointer (starts with {@code /}) into the message, or the name of a group of {@code when}'s regex.
   */
  public record FeedEvent(MessageMatch when, String feed, String seq) {
    public FeedEvent {
      Objects.requireNonNull(when, "events.when");
      Objects.requireNonNull(feed, "events.feed");
      Objects.requireNonNull(seq, "events.seq");
    }
  }

  /** @throws IllegalArgumentException naming every field that is wrong and what is allowed */
  public ClientConversation {
    Objects.requireNonNull(name, "name");
    onOpen = onOpen == null ? List.of() : List.copyOf(onOpen);
    answers = answers == null ? List.of() : List.copyOf(answers);
    feeds = feeds == null ? List.of() : List.copyOf(feeds);
    readyTimeout = readyTimeout == null ? Duration.ofSeconds(5) : readyTimeout;
    Problems problems = Problems.root();
    for (int i = 0; i < onOpen.size(); i++) {
      onOpen.get(i).validate(problems.at("onOpen").at(i), OPEN_VARIABLES);
    }
    if (ready != null) {
      ready.validate(problems.at("ready"));
    }
    if (readyTimeout.isNegative() || readyTimeout.isZero()) {
      problems.at("readyTimeout").error("must be positive, e.g. 5s");
    }
    for (int i = 0; i < answers.size(); i++) {
      answers.get(i).when().validate(problems.at("answers").at(i).at("when"));
      answers.get(i).reply().validate(problems.at("answers").at(i).at("reply"), OPEN_VARIABLES);
    }
    if (!feeds.isEmpty() && subscribe == null) {
      problems.at("subscribe").error("give the subscription message for {{feed}}, since feeds are listed");
    }
    if (subscribe != null) {
      subscribe.validate(problems.at("subscribe"), FEED_VARIABLES);
    }
    if (resume != null) {
      resume.validate(problems.at("resume"), FEED_VARIABLES);
    }
    if (events != null) {
      events.when().validate(problems.at("events").at("when"));
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("conversation '" + name + "': " + problems.list());
    }
  }

  /** The same conversation without resume: after a reconnect it subscribes again from scratch. */
  public ClientConversation withoutResume() {
    return new ClientConversation(name, subprotocol, onOpen, ready, readyTimeout, answers, feeds, subscribe, null,
        events);
  }

  /** The same conversation subscribing to {@code keys}. */
  public ClientConversation withFeeds(List<String> keys) {
    return new ClientConversation(name, subprotocol, onOpen, ready, readyTimeout, answers, keys, subscribe, resume,
        events);
  }
}

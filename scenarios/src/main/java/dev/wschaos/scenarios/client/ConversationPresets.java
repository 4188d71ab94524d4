package dev.wschaos.scenarios.client;

import dev.wschaos.simulator.message.MessageMatch;
import dev.wschaos.simulator.message.MessageTemplate;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Client conversations for the simulator's protocol packs ({@code docs/packs/}).
 *
 * <pre>{@code
 * ClientBehaviour.conversation(ConversationPresets.stomp());        // CONNECT -> CONNECTED, SUBSCRIBE id:prices
 * ClientBehaviour.conversation(ConversationPresets.graphqlWs());    // connection_init -> connection_ack, subscribe
 * ConversationPresets.get("graphql-ws").withoutResume();            // resubscribe without resuming
 * }</pre>
 *
 * <p>Neither STOMP nor graphql-transport-ws defines a resume; these presets resume the way brokers extend them, and
 * the catalogue's {@code *-rolling-restart} plans answer those extensions: STOMP {@code SUBSCRIBE} with a header
 * {@code x-resume-after:N} (like RabbitMQ's {@code x-stream-offset}), graphql-ws {@code subscribe} with
 * {@code variables.after = N}.
 */
public final class ConversationPresets {

  /** STOMP frame header lines up to the blank line, as the stomp pack matches them. */
  private static final String HEADERS = "(?:[^\\r\\n][^\\n]*\\n)*?";

  private ConversationPresets() {}

  /**
   * STOMP 1.2 ({@code v12.stomp}): {@code CONNECT} (no client heart-beats), ready on {@code CONNECTED}, one
   * subscription {@code id:prices} to {@code /topic/prices}, events are {@code MESSAGE} frames read by their
   * {@code subscription} header and the body's {@code "seq"}. The server's heart-beats (EOLs) need no answer.
   */
  public static ClientConversation stomp() {
    return new ClientConversation("stomp", "v12.stomp",
        List.of(MessageTemplate.of("CONNECT\naccept-version:1.2\nhost:wschaos\nlogin:{{clientId}}\nheart-beat:0,0\n\n\0")),
        MessageMatch.text("\\ACONNECTED\\r?\\n"), Duration.ofSeconds(5),
        List.of(),
        List.of("prices"),
        MessageTemplate.of("SUBSCRIBE\nid:{{feed}}\ndestination:/topic/{{feed}}\n\n\0"),
        MessageTemplate.of("SUBSCRIBE\nid:{{feed}}\ndestination:/topic/{{feed}}\nx-resume-after:{{lastSeq}}\n\n\0"),
        new ClientConversation.FeedEvent(MessageMatch.text("\\AMESSAGE\\r?\\n(?=" + HEADERS
            + "subscription:(?<feed>[^\\r\\n]*))[\\s\\S]*?\\n\\n[\\s\\S]*?\"seq\":(?<seq>\\d+)"), "feed", "seq"));
  }

  /**
   * graphql-transport-ws: {@code connection_init}, ready on {@code connection_ack}, answers {@code ping} with
   * {@code pong}, one subscription with operation id {@code tick}, events are {@code next} messages read at
   * {@code /id} and {@code /payload/data/tick/seq}.
   */
  public static ClientConversation graphqlWs() {
    return new ClientConversation("graphql-ws", "graphql-transport-ws",
        List.of(MessageTemplate.of("{\"type\":\"connection_init\",\"payload\":{\"clientId\":\"{{clientId}}\"}}")),
        MessageMatch.json("type", "connection_ack"), Duration.ofSeconds(5),
        List.of(new ClientConversation.Answer(MessageMatch.json("type", "ping"),
            MessageTemplate.of("{\"type\":\"pong\"}"))),
        List.of("tick"),
        MessageTemplate.of("{\"id\":\"{{feed}}\",\"type\":\"subscribe\",\"payload\":"
            + "{\"query\":\"subscription { tick { seq } }\"}}"),
        MessageTemplate.of("{\"id\":\"{{feed}}\",\"type\":\"subscribe\",\"payload\":"
            + "{\"query\":\"subscription($after: Int) { tick(after: $after) { seq } }\","
            + "\"variables\":{\"after\":{{lastSeq}}}}}"),
        new ClientConversation.FeedEvent(MessageMatch.json("type", "next"), "/id", "/payload/data/tick/seq"));
  }

  private static final Map<String, java.util.function.Supplier<ClientConversation>> PRESETS =
      Map.of("stomp", ConversationPresets::stomp, "graphql-ws", ConversationPresets::graphqlWs);

  /** The preset named {@code stomp} or {@code graphql-ws}. */
  public static ClientConversation get(String name) {
    var preset = PRESETS.get(name);
    if (preset == null) {
      throw new IllegalArgumentException("no conversation preset '" + name + "': use stomp or graphql-ws");
    }
    return preset.get();
  }
}

package dev.wschaos.simulator.behaviour.recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.wschaos.simulator.common.DurationText;
import dev.wschaos.simulator.json.Json;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.PlanLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Proxied sessions turned into a {@code conversation} plan the simulator can serve without the upstream: the
 * upstream's subprotocol, its opening messages, one step per kind of client message (JSON by its
 * {@code type}/{@code op}/{@code command}... field, text by its first word or exact text, binary) answered with the
 * upstream's replies as templates (fields echoing the client's become {@code {{message.FIELD}}}), and numbered
 * pushes collapsed into a {@code feed}. The YAML carries comments saying where each part came from; it is
 * validated by the plan loader before it is returned.
 *
 * <pre>{@code
 * ConversationRecording recording = ConversationRecording.of("chat-recorded", sessions);
 * Files.writeString(Path.of("chat-recorded.yaml"), recording.yaml());
 * Plan replay = recording.plan();            // the same, loaded
 * }</pre>
 */
public final class ConversationRecording {

  private static final long DELAY_FROM_MILLIS = 250;
  private static final int PREVIEW = 100;

  private final String yaml;
  private final Plan plan;
  private final int sessions;
  private final int steps;

  private ConversationRecording(String yaml, int sessions, int steps) {
    this.yaml = yaml;
    this.plan = PlanLoader.parse(yaml, "recording", PlanLoader.Format.YAML);
    this.sessions = sessions;
    this.steps = steps;
  }

  /** The plan named {@code name} that {@code sessions} generalise to. */
  public static ConversationRecording of(String name, List<RecordedSession> sessions) {
    return new Builder(name, sessions).build();
  }

  /** The plan as YAML with comments, as written to a recording file. */
  public String yaml() {
    return yaml;
  }

  /** The plan, loaded from {@link #yaml()}. */
  public Plan plan() {
    return plan;
  }

  /** How many sessions were recorded. */
  public int sessions() {
    return sessions;
  }

  /** How many steps ({@code on:} entries) the conversation has. */
  public int steps() {
    return steps;
  }

  /** One client message in its session, with the upstream messages that answered it. */
  private static final class Occurrence {
    final RecordedSession session;
    final RecordedMessage message;
    final List<RecordedMessage> replies = new ArrayList<>();
    FeedDetector.Feed feed;

    Occurrence(RecordedSession session, RecordedMessage message) {
      this.session = session;
      this.message = message;
    }
  }

  private static final class Builder {
    private final String name;
    private final List<RecordedSession> sessions;
    private final Map<String, ClientMessageKind> kinds = new LinkedHashMap<>();
    private final Map<String, List<Occurrence>> occurrences = new LinkedHashMap<>();
    private final Set<String> subprotocols = new LinkedHashSet<>();
    private final List<List<RecordedMessage>> openings = new ArrayList<>();

    Builder(String name, List<RecordedSession> sessions) {
      this.name = Objects.requireNonNull(name, "name");
      this.sessions = sessions.stream().sorted(Comparator.comparing(RecordedSession::openedAt)
          .thenComparingLong(RecordedSession::connectionId)).toList();
    }

    ConversationRecording build() {
      sessions.forEach(this::read);
      RecordingYaml out = new RecordingYaml();
      header(out);
      out.field(0, "name", TextNode.valueOf(name));
      out.field(0, "description", TextNode.valueOf("recorded by wschaos from " + sessions.size()
          + " proxied session" + (sessions.size() == 1 ? "" : "s") + upstreams()));
      out.line(0, "behaviour:");
      out.field(2, "type", TextNode.valueOf("conversation"));
      if (!subprotocols.isEmpty()) {
        out.comment(2, "the subprotocol" + (subprotocols.size() > 1 ? "s" : "") + " the upstream chose");
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        subprotocols.forEach(list::add);
        out.field(2, "subprotocols", list);
      }
      out.list(2, "onOpen", onOpen());
      List<RecordingYaml.Commented> steps = steps();
      out.list(2, "on", steps);
      out.comment(2, "a message no step matches is ignored; a fault such as {type: close, code: 1003} is stricter");
      out.field(2, "unmatched", TextNode.valueOf("ignore"));
      return new ConversationRecording(out.toString(), sessions.size(), steps.size());
    }

    private void header(RecordingYaml out) {
      Instant from = sessions.isEmpty() ? null : sessions.get(0).openedAt();
      out.comment(0, "Recorded by wschaos from " + sessions.size() + " proxied session" + (sessions.size() == 1 ? ""
          : "s") + (from == null ? "" : ", the first opened " + from) + ".");
      out.comment(0, "Serve it without the upstream: wschaos --plan THIS_FILE. It is a conversation plan");
      out.comment(0, "(docs/conversations.md): edit matchers, replies and feeds, add rules with faults.");
      int leftOut = sessions.stream().mapToInt(RecordedSession::messagesLeftOut).sum();
      if (leftOut > 0) {
        out.comment(0, leftOut + " messages past the recorder's limit per session were not recorded.");
      }
      if (sessions.isEmpty()) {
        out.comment(0, "No proxied session was recorded: the conversation below is empty.");
      }
    }

    private String upstreams() {
      Set<String> urls = sessions.stream().map(RecordedSession::upstream).filter(Objects::nonNull)
          .collect(Collectors.toCollection(LinkedHashSet::new));
      return urls.isEmpty() ? "" : " of " + String.join(", ", urls);
    }

    private void read(RecordedSession session) {
      if (session.subprotocol() != null && !session.subprotocol().isEmpty()) {
        subprotocols.add(session.subprotocol());
      }
      List<FeedDetector.Feed> feeds = FeedDetector.find(session);
      Set<Integer> feedEvents = new LinkedHashSet<>();
      Map<Integer, FeedDetector.Feed> feedStarts = new LinkedHashMap<>();
      feeds.forEach(feed -> {
        feedEvents.addAll(feed.events());
        feedStarts.put(feed.first(), feed);
      });
      List<RecordedMessage> opening = new ArrayList<>();
      Occurrence current = null;
      List<RecordedMessage> messages = session.messages();
      for (int i = 0; i < messages.size(); i++) {
        RecordedMessage message = messages.get(i);
        if (message.fromClient()) {
          ClientMessageKind kind = ClientMessageKind.of(message, message.isText() ? Json.tree(message.text()) : null);
          kinds.putIfAbsent(kind.key(), kind);
          current = new Occurrence(session, message);
          occurrences.computeIfAbsent(kind.key(), k -> new ArrayList<>()).add(current);
        } else if (feedStarts.containsKey(i) && current != null) {
          if (current.feed == null) {
            current.feed = feedStarts.get(i);
          }
        } else if (feedEvents.contains(i)) {
          continue;
        } else if (current == null) {
          opening.add(message);
        } else {
          current.replies.add(message);
        }
      }
      openings.add(opening);
    }

    private List<RecordingYaml.Commented> onOpen() {
      if (openings.isEmpty() || openings.get(0).isEmpty()) {
        return List.of();
      }
      RecordedSession first = sessions.get(0);
      List<RecordedMessage> messages = openings.get(0);
      Function<List<RecordedMessage>, List<String>> signature = list -> list.stream()
          .map(m -> m.isText() ? ServerTemplates.of(m.text(), null, null, null, Map.of()).template()
              : Base64.getEncoder().encodeToString(m.binary())).toList();
      List<String> firstSignature = signature.apply(messages);
      long same = openings.stream().filter(o -> signature.apply(o).equals(firstSignature)).count();
      List<RecordingYaml.Commented> items = new ArrayList<>();
      for (int i = 0; i < messages.size(); i++) {
        RecordedMessage message = messages.get(i);
        List<String> comments = new ArrayList<>();
        if (i == 0) {
          comments.add("sent by the upstream on opening " + first.label()
              + (sessions.size() > 1 ? "; the same in " + same + " of " + sessions.size() + " sessions" : ""));
        }
        items.add(new RecordingYaml.Commented(comments, reply(message, null, first, null, 0, comments)));
      }
      return items;
    }

    private List<RecordingYaml.Commented> steps() {
      List<RecordingYaml.Commented> steps = new ArrayList<>();
      for (Map.Entry<String, List<Occurrence>> entry : occurrences.entrySet()) {
        ClientMessageKind kind = kinds.get(entry.getKey());
        List<Occurrence> seen = entry.getValue();
        steps.add(step(kind, seen));
      }
      return steps;
    }

    private RecordingYaml.Commented step(ClientMessageKind kind, List<Occurrence> seen) {
      List<String> comments = new ArrayList<>();
      long inSessions = seen.stream().map(o -> o.session).distinct().count();
      Occurrence first = seen.get(0);
      comments.add(kind.label() + ": " + seen.size() + " message" + (seen.size() == 1 ? "" : "s") + " in " + inSessions
          + " session" + (inSessions == 1 ? "" : "s") + ", first from " + first.session.label() + " at +"
          + first.message.atMillis() + "ms: " + first.message.preview(PREVIEW));
      Map<List<String>, List<Occurrence>> forms = new LinkedHashMap<>();
      for (Occurrence occurrence : seen) {
        forms.computeIfAbsent(replySignature(kind, occurrence), k -> new ArrayList<>()).add(occurrence);
      }
      List<Occurrence> chosenForm = forms.values().stream().max(Comparator.comparingInt(List::size)).orElseThrow();
      Occurrence chosen = chosenForm.get(0);
      if (forms.size() > 1) {
        comments.add("the replies took " + forms.size() + " forms; this one answered " + chosenForm.size() + " of "
            + seen.size() + " (" + chosen.session.label() + ")");
      }
      ObjectNode step = JsonNodeFactory.instance.objectNode();
      step.set("when", kind.when(seen.stream().filter(o -> o.message.isText()).map(o -> o.message.text())
          .distinct().toList()));
      ArrayNode replies = JsonNodeFactory.instance.arrayNode();
      for (RecordedMessage reply : chosen.replies) {
        replies.add(reply(reply, chosen.message, chosen.session, kind.discriminator(),
            reply.atMillis() - chosen.message.atMillis(), comments));
      }
      if (!replies.isEmpty()) {
        step.set("reply", replies);
      } else {
        comments.add("the upstream sent no reply");
      }
      Occurrence withFeed = seen.stream().filter(o -> o.feed != null).findFirst().orElse(null);
      if (withFeed != null) {
        step.set("feed", feed(kind, withFeed, comments));
      }
      return new RecordingYaml.Commented(comments, step);
    }

    private List<String> replySignature(ClientMessageKind kind, Occurrence occurrence) {
      List<String> signature = new ArrayList<>();
      for (RecordedMessage reply : occurrence.replies) {
        signature.add(reply.isText() ? ServerTemplates.of(reply.text(), occurrence.message,
            occurrence.session.clientId(), kind.discriminator(), Map.of()).template()
            : "binary " + Base64.getEncoder().encodeToString(reply.binary()));
      }
      signature.add(occurrence.feed == null ? "" : "feed");
      return signature;
    }

    private JsonNode reply(RecordedMessage message, RecordedMessage client, RecordedSession session,
                           String discriminator, long afterMillis, List<String> comments) {
      boolean late = client != null && afterMillis >= DELAY_FROM_MILLIS;
      if (!message.isText()) {
        ObjectNode binary = JsonNodeFactory.instance.objectNode()
            .put("binary", Base64.getEncoder().encodeToString(message.binary()));
        if (late) {
          binary.put("delay", DurationText.format(Duration.ofMillis(afterMillis)));
        }
        return binary;
      }
      ServerTemplates.Templated templated = ServerTemplates.of(message.text(), client, session.clientId(),
          discriminator, Map.of());
      templated.notes().forEach(note -> comments.add("  " + note));
      if (late) {
        comments.add("  a reply came " + afterMillis + "ms after the message: sent with that delay");
        return JsonNodeFactory.instance.objectNode().put("text", templated.template())
            .put("delay", DurationText.format(Duration.ofMillis(afterMillis)));
      }
      return TextNode.valueOf(templated.template());
    }

    private ObjectNode feed(ClientMessageKind kind, Occurrence occurrence, List<String> comments) {
      FeedDetector.Feed feed = occurrence.feed;
      RecordedMessage first = occurrence.session.messages().get(feed.first());
      ServerTemplates.Templated send = feed.textTemplate() != null
          ? new ServerTemplates.Templated(feed.textTemplate(), List.of())
          : ServerTemplates.of(first.text(), occurrence.message, occurrence.session.clientId(),
              kind.discriminator(), feed.jsonFixed());
      String key = send.echoes().isEmpty() ? kind.label().replace('"', '\'') : "{{message." + send.echoes().get(0)
          + "}}";
      comments.add("feed: " + feed.events().size() + " numbered pushes after it, every " + feed.every().toMillis()
          + "ms (median), first: " + first.preview(PREVIEW));
      if (feed.firstSeq() != 1) {
        comments.add("  the upstream numbered from " + feed.firstSeq() + "; a feed numbers each client's stream from 1");
      }
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      node.put("key", key);
      node.put("every", DurationText.format(feed.every()));
      node.put("send", send.template());
      return node;
    }
  }
}

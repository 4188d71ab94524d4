package dev.wschaos.simulator.behaviour.recording;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wschaos.simulator.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the feeds in a session: at least {@link #MIN_EVENTS} upstream text messages of the same shape (equal once
 * their numbers are blanked) in which one number goes up by exactly one from each to the next. That number becomes
 * {@code {{feed.seq}}}, numbers that vary and look like epoch millis {@code {{feed.time}}}, and the period is the
 * median gap between events.
 */
final class FeedDetector {

  static final int MIN_EVENTS = 3;
  private static final Pattern NUMBER = Pattern.compile("\\d+");
  private static final long EPOCH_MILLIS = 1_000_000_000_000L;

  /**
   * A feed found: the indexes of its events in the session's messages, its period, the pointers (JSON) or the
   * index of the digit run (text) holding the sequence number, and the number it started at.
   */
  record Feed(List<Integer> events, Duration every, Map<String, String> jsonFixed, String textTemplate, long firstSeq) {
    int first() {
      return events.get(0);
    }
  }

  private FeedDetector() {}

  static List<Feed> find(RecordedSession session) {
    Map<String, List<Integer>> byShape = new LinkedHashMap<>();
    List<RecordedMessage> messages = session.messages();
    boolean clientSpoke = false;
    for (int i = 0; i < messages.size(); i++) {
      RecordedMessage m = messages.get(i);
      clientSpoke |= m.fromClient();
      if (clientSpoke && !m.fromClient() && m.isText()) {
        byShape.computeIfAbsent(NUMBER.matcher(m.text()).replaceAll("#"), k -> new ArrayList<>()).add(i);
      }
    }
    List<Feed> feeds = new ArrayList<>();
    for (List<Integer> indexes : byShape.values()) {
      if (indexes.size() >= MIN_EVENTS) {
        Feed feed = asFeed(messages, indexes);
        if (feed != null) {
          feeds.add(feed);
        }
      }
    }
    return feeds;
  }

  private static Feed asFeed(List<RecordedMessage> messages, List<Integer> indexes) {
    List<String> texts = indexes.stream().map(i -> messages.get(i).text()).toList();
    Duration every = medianGap(messages, indexes);
    JsonNode first = Json.tree(texts.get(0));
    if (first != null && first.isContainerNode()) {
      Map<String, List<Long>> numbers = new LinkedHashMap<>();
      for (String text : texts) {
        JsonNode tree = Json.tree(text);
        if (tree == null) {
          return null;
        }
        ServerTemplates.walk(tree, "", (parent, key, pointer, value) -> {
          if (value.isIntegralNumber() && value.canConvertToLong()) {
            numbers.computeIfAbsent(pointer, p -> new ArrayList<>()).add(value.asLong());
          }
        });
      }
      Map<String, String> fixed = new LinkedHashMap<>();
      Long firstSeq = null;
      for (Map.Entry<String, List<Long>> leaf : numbers.entrySet()) {
        List<Long> values = leaf.getValue();
        if (values.size() != texts.size()) {
          continue;
        }
        if (firstSeq == null && countsUp(values)) {
          fixed.put(leaf.getKey(), "{{feed.seq}}");
          firstSeq = values.get(0);
        } else if (varies(values) && values.stream().allMatch(v -> v >= EPOCH_MILLIS)) {
          fixed.put(leaf.getKey(), "{{feed.time}}");
        }
      }
      return firstSeq == null ? null : new Feed(indexes, every, fixed, null, firstSeq);
    }
    if (texts.get(0).contains("{{")) {
      return null;
    }
    List<List<Long>> runs = texts.stream().map(FeedDetector::digitRuns).toList();
    int count = runs.get(0).size();
    Integer seqRun = null;
    List<Integer> timeRuns = new ArrayList<>();
    for (int r = 0; r < count; r++) {
      int at = r;
      List<Long> values = runs.stream().map(run -> run.size() == count ? run.get(at) : -1L).toList();
      if (seqRun == null && countsUp(values)) {
        seqRun = r;
      } else if (varies(values) && values.stream().allMatch(v -> v >= EPOCH_MILLIS)) {
        timeRuns.add(r);
      }
    }
    if (seqRun == null) {
      return null;
    }
    StringBuilder template = new StringBuilder();
    Matcher m = NUMBER.matcher(texts.get(0));
    int run = 0;
    while (m.find()) {
      String by = run == seqRun ? "{{feed.seq}}" : timeRuns.contains(run) ? "{{feed.time}}" : m.group();
      m.appendReplacement(template, Matcher.quoteReplacement(by));
      run++;
    }
    m.appendTail(template);
    return new Feed(indexes, every, Map.of(), template.toString(), runs.get(0).get(seqRun));
  }

  private static List<Long> digitRuns(String text) {
    List<Long> out = new ArrayList<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      out.add(m.group().length() > 18 ? -1L : Long.parseLong(m.group()));
    }
    return out;
  }

  private static boolean countsUp(List<Long> values) {
    for (int i = 1; i < values.size(); i++) {
      if (values.get(i - 1) < 0 || values.get(i) != values.get(i - 1) + 1) {
        return false;
      }
    }
    return true;
  }

  private static boolean varies(List<Long> values) {
    return values.stream().distinct().count() > 1;
  }

  private static Duration medianGap(List<RecordedMessage> messages, List<Integer> indexes) {
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < indexes.size(); i++) {
      gaps.add(messages.get(indexes.get(i)).atMillis() - messages.get(indexes.get(i - 1)).atMillis());
    }
    gaps.sort(null);
    return Duration.ofMillis(Math.max(1, gaps.get(gaps.size() / 2)));
  }
}

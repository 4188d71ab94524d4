package dev.wschaos.simulator.behaviour;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One client's feeds, by key, kept across its connections. Event N of a stream is produced at
 * {@code epoch + N * every}, whether or not a connection is there to send it. Feed keys come from client messages,
 * so a client keeps at most {@value #MAX_STREAMS}: past that the stream used least recently is forgotten (a resume
 * on it finds nothing; a new subscription starts it again).
 */
final class FeedStreams {

  static final int MAX_STREAMS = 256;

  private final Map<String, Stream> streams = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Stream> eldest) {
      return size() > MAX_STREAMS;
    }
  };

  record Stream(String key, long epochMillis, long everyMillis, FeedSpec spec) {

    long producedBy(long nowMillis) {
      return Math.max(0, (nowMillis - epochMillis) / everyMillis);
    }

    long timeOf(long seq) {
      return epochMillis + seq * everyMillis;
    }
  }

  /** The client's stream for {@code key}, started now if there is none (or its period changed). */
  synchronized Stream open(String key, FeedSpec spec) {
    long every = Math.max(1, spec.every().toMillis());
    return streams.compute(key, (k, old) -> old != null && old.everyMillis() == every
        ? (old.spec().equals(spec) ? old : new Stream(k, old.epochMillis(), every, spec))
        : new Stream(k, System.currentTimeMillis(), every, spec));
  }

  /** The client's stream for {@code key}, or null if it never subscribed. */
  synchronized Stream find(String key) {
    return streams.get(key);
  }
}

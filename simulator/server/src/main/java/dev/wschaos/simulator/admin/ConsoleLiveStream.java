package dev.wschaos.simulator.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wschaos.simulator.json.Json;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * {@code GET /ui/live}: Server-Sent Events, one {@code history} event with the last five minutes when the stream
 * opens, then one {@code tick} a second with the second just finished, whatever the event rate; between ticks, a
 * {@code changes} event at most every {@value #CHECK_MS} ms when connections opened or closed, so a page lists them
 * again without waiting for the tick.
 *
 * <pre>
 *   event: tick
 *   data: {"second":{"t":1795000000,"open":3,"upgrades":1,...},"changes":17,"listening":true,"plan":"healthy"}
 *
 *   event: changes
 *   data: {"changes":18}
 * </pre>
 */
final class ConsoleLiveStream {

  static final long CHECK_MS = 250;
  private static final int CHECKS_PER_TICK = 4;

  private final ConsoleLiveStats stats;
  private final AdminBackend backend;
  private final ObjectMapper json = Json.mapper();

  ConsoleLiveStream(ConsoleLiveStats stats, AdminBackend backend) {
    this.stats = stats;
    this.backend = backend;
  }

  void handle(RoutingContext ctx) {
    HttpServerResponse response = ctx.response().setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .putHeader("X-Accel-Buffering", "no");
    IntSupplier open = backend::openConnections;
    long now = Instant.now().getEpochSecond();
    write(response, "history", Map.of("seconds", stats.window(now - 1, open.getAsInt()),
        "changes", stats.changes(), "listening", backend.listening(), "plan", backend.plan().name()));
    long[] state = {0, stats.changes()};
    long timer = ctx.vertx().setPeriodic(CHECK_MS, id -> {
      long changes = stats.changes();
      if (++state[0] % CHECKS_PER_TICK == 0) {
        long finished = Instant.now().getEpochSecond() - 1;
        write(response, "tick", Map.of("second", stats.second(finished, open.getAsInt()), "changes", changes,
            "listening", backend.listening(), "plan", backend.plan().name()));
      } else if (changes != state[1]) {
        write(response, "changes", Map.of("changes", changes));
      }
      state[1] = changes;
    });
    response.closeHandler(v -> ctx.vertx().cancelTimer(timer));
    response.exceptionHandler(e -> ctx.vertx().cancelTimer(timer));
  }

  private void write(HttpServerResponse response, String event, Object data) {
    if (response.closed() || response.ended()) {
      return;
    }
    try {
      response.write("event: " + event + "\ndata: " + json.writeValueAsString(data) + "\n\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}

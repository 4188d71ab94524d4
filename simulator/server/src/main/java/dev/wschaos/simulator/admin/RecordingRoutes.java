package dev.wschaos.simulator.admin;

import dev.wschaos.simulator.behaviour.recording.ConversationRecording;
import dev.wschaos.simulator.client.Problem;
import dev.wschaos.simulator.server.ProxyRecorder;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;

/**
 * The admin API's switch for recording proxied sessions into a conversation plan (docs/admin-api.md). The plan is
 * answered as YAML with its comments; the file, if any, is the one {@code --record} named.
 *
 * <pre>
 *   POST   /record    start a new recording (409 if one is on)          201, the empty plan
 *   GET    /record    the plan recorded so far, on or off                200
 *   DELETE /record    stop, write the --record file, answer the plan    200 (409 if none is on)
 * </pre>
 * Every answer carries {@code X-Wschaos-Recording: on|off} and, with a file, {@code X-Wschaos-Recording-File}.
 */
final class RecordingRoutes {

  private static final String YAML = "application/yaml; charset=utf-8";

  private final ProxyRecorder recorder;

  private RecordingRoutes(ProxyRecorder recorder) {
    this.recorder = recorder;
  }

  static void mount(Router router, AdminBackend server) {
    RecordingRoutes routes = new RecordingRoutes(server.recorder());
    router.post("/record").handler(routes::start);
    router.get("/record").handler(routes::get);
    router.delete("/record").handler(routes::stop);
  }

  private void start(RoutingContext ctx) {
    answer(ctx, 201, () -> {
      synchronized (recorder) {
        if (recorder.active()) {
          throw new Conflict("a recording is already on: DELETE /record stops it (GET /record shows it)");
        }
        recorder.start();
      }
      return recorder.snapshot();
    });
  }

  private void get(RoutingContext ctx) {
    answer(ctx, 200, recorder::snapshot);
  }

  private void stop(RoutingContext ctx) {
    answer(ctx, 200, () -> {
      synchronized (recorder) {
        if (!recorder.active()) {
          throw new Conflict("no recording is on: POST /record starts one");
        }
        return recorder.stop();
      }
    });
  }

  private void answer(RoutingContext ctx, int status, Callable<ConversationRecording> work) {
    ctx.vertx().executeBlocking(work, false).onComplete(done -> {
      if (done.failed() && done.cause() instanceof Conflict conflict) {
        AdminRoutes.problem(ctx, Problem.of(409, "recording-state", "Recording state", conflict.getMessage()));
        return;
      } else if (done.failed()) {
        ctx.fail(done.cause());
        return;
      }
      ctx.response().setStatusCode(status).putHeader("Content-Type", YAML)
          .putHeader("X-Wschaos-Recording", recorder.active() ? "on" : "off");
      recorder.file().ifPresent(file -> ctx.response().putHeader("X-Wschaos-Recording-File",
          file.toAbsolutePath().toString()));
      ctx.response().end(done.result().yaml());
    });
  }

  /** The recording is not in the state the request needs. */
  private static final class Conflict extends RuntimeException {
    Conflict(String message) {
      super(message, null, false, false);
    }
  }
}

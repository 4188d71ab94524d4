package dev.wschaos.simulator.cli.remote;

import dev.wschaos.simulator.client.AdminClient;
import dev.wschaos.simulator.client.RecordedPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wschaos record start|show|stop}: record proxied sessions into a conversation plan (the admin API's /record). */
@Command(name = "record", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Record the proxied sessions of a running simulator into a conversation plan (docs/proxy.md):",
        "start (POST /record), show the plan so far (GET /record), stop and get the plan (DELETE /record).",
        "The plan goes to stdout, or to --out FILE. Exit 2 when a recording is already on (start) or none is (stop)."})
public final class RecordCommand extends RemoteCommand {

  /** What to do with the recording. */
  enum Action { start, show, stop }

  @Parameters(index = "0", paramLabel = "ACTION", description = "start, show or stop")
  Action action;

  @Option(names = "--out", paramLabel = "FILE", description = "write the plan to FILE instead of stdout")
  Path file;

  @Override
  int run(AdminClient client) {
    RecordedPlan plan = switch (action) {
      case start -> client.startRecording();
      case show -> client.recording();
      case stop -> client.stopRecording();
    };
    if (file != null) {
      try {
        Files.writeString(file, plan.yaml(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
      }
    }
    if (json()) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("recording", plan.on() ? "on" : "off");
      plan.fileName().ifPresent(name -> out.put("simulatorFile", name));
      if (file != null) {
        out.put("file", file.toAbsolutePath().toString());
      } else {
        out.put("plan", plan.yaml());
      }
      printJson(out);
    } else if (action == Action.start) {
      out().println("recording on" + plan.fileName().map(name -> ", written to " + name + " at stop").orElse(""));
    } else if (file != null) {
      out().println("plan written to " + file.toAbsolutePath() + " (recording " + (plan.on() ? "on" : "off") + ")");
    } else {
      out().print(plan.yaml());
    }
    return ExitCodes.OK;
  }
}

package dev.wschaos.simulator.client;

import java.util.Optional;

/**
 * What the admin API's {@code /record} answers: the conversation plan recorded from proxied sessions (YAML with its
 * comments, loadable with {@code PlanLoader}), whether a recording is on, and the {@code --record} file, if any.
 *
 * <pre>{@code
 * admin.startRecording();
 * // ... clients talk to the upstream through wschaos ...
 * Files.writeString(Path.of("chat-recorded.yaml"), admin.stopRecording().yaml());
 * }</pre>
 *
 * @param yaml the plan
 * @param on whether a recording is on after the request
 * @param file the file the simulator writes at stop ({@code --record}); null when it has none
 */
public record RecordedPlan(String yaml, boolean on, String file) {

  public Optional<String> fileName() {
    return Optional.ofNullable(file);
  }
}

package dev.wschaos.simulator.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** One action applied by every node of a cluster reaches the analytics once per node: it is one fleet event. */
class FleetEventMergeTest {

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final AttemptRecorder recorder = AttemptRecorder.create(100, nanos::get);

  private void advanceMillis(long millis) {
    nanos.addAndGet(millis * 1_000_000L);
  }

  @Test
  void theSameActionFromThreeNodesWithinASecondIsOneEvent() {
    recorder.fleetEvent("action: close 1012", Set.of());
    recorder.fleetEventAffects("action: close 1012", "a1");
    advanceMillis(40);
    recorder.fleetEvent("action: close 1012", Set.of());
    recorder.fleetEventAffects("action: close 1012", "b1");
    advanceMillis(300);
    recorder.fleetEvent("action: close 1012", Set.of("c1", "c2"));

    List<FleetEvent> events = recorder.snapshot().events();

    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.label()).isEqualTo("action: close 1012");
      assertThat(e.clients()).containsExactlyInAnyOrder("a1", "b1", "c1", "c2");
    });
  }

  @Test
  void aRollingRestartsStepsSecondsApartStaySeparateEvents() {
    recorder.fleetEvent("action: restart 1012", Set.of("a1"));
    advanceMillis(2_000);
    recorder.fleetEvent("action: restart 1012", Set.of("b1"));
    recorder.fleetEvent("timeline: close 1001", Set.of("b2"));

    List<FleetEvent> events = recorder.snapshot().events();

    assertThat(events).extracting(FleetEvent::label)
        .containsExactly("action: restart 1012", "action: restart 1012", "timeline: close 1001");
    assertThat(events).extracting(FleetEvent::clients)
        .containsExactly(Set.of("a1"), Set.of("b1"), Set.of("b2"));
  }
}

package dev.wschaos.simulator.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The recorder's bounded, in-order store of attempts by handle: growth, forgetting the oldest, clear. */
class AttemptRecorderTest {

  private final AtomicLong clock = new AtomicLong(1_000);

  @Test
  void keepsEveryAttemptInOrderWhileUnderCapacityGrowingPastItsFirstSize() {
    AttemptRecorder recorder = AttemptRecorder.create(100, clock::incrementAndGet);
    for (int i = 1; i <= 40; i++) {
      long h = recorder.upgradeReceived("c" + i, "127.0.0.1", 1, false);
      recorder.opened(h);
    }
    Recording recording = recorder.snapshot();
    assertThat(recording.attempts()).extracting(Attempt::client)
        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 40).mapToObj(i -> "c" + i).toList());
    assertThat(recording.droppedAttempts()).isZero();
    assertThat(recorder.openClients()).hasSize(40);
  }

  @Test
  void forgetsTheOldestPastCapacityAndIgnoresItsHandle() {
    AttemptRecorder recorder = AttemptRecorder.create(3, clock::incrementAndGet);
    long first = recorder.upgradeReceived("a", "h", 1, false);
    long second = recorder.upgradeReceived("b", "h", 1, false);
    recorder.upgradeReceived("c", "h", 1, false);
    long fourth = recorder.upgradeReceived("d", "h", 1, false);
    recorder.opened(first); // forgotten: ignored
    recorder.rejected(second, 503, 2);
    recorder.opened(fourth);
    recorder.opened(fourth + 1); // never handed out: ignored

    Recording recording = recorder.snapshot();
    assertThat(recording.droppedAttempts()).isEqualTo(1);
    assertThat(recorder.size()).isEqualTo(3);
    assertThat(recording.attempts()).extracting(Attempt::client).containsExactly("b", "d");
    assertThat(recording.attempts().get(0).retryAfterSeconds()).isEqualTo(2);
  }

  @Test
  void startsAfreshAfterClearWithoutReusingHandles() {
    AttemptRecorder recorder = AttemptRecorder.create(2, clock::incrementAndGet);
    long before = recorder.upgradeReceived("a", "h", 1, false);
    recorder.clear();
    recorder.opened(before); // from before the clear: ignored
    long after = recorder.upgradeReceived("b", "h", 1, false);
    recorder.opened(after);

    assertThat(after).isGreaterThan(before);
    assertThat(recorder.snapshot().attempts()).extracting(Attempt::client).containsExactly("b");
  }

  @Test
  void capacityOfOneKeepsTheLatest() {
    AttemptRecorder recorder = AttemptRecorder.create(1, clock::incrementAndGet);
    for (int i = 0; i < 5; i++) {
      recorder.opened(recorder.upgradeReceived("c" + i, "h", 1, false));
    }
    assertThat(recorder.snapshot().attempts()).extracting(Attempt::client).containsExactly("c4");
    assertThat(recorder.snapshot().droppedAttempts()).isEqualTo(4);
  }
}

package dev.wschaos.simulator.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The hub's reused builder: each event numbered in order, with only the fields set for it. */
class EventHubTest {

  private final EventHub hub = new EventHub();
  private final List<JournalEvent> seen = new ArrayList<>();

  @Test
  void eachEventCarriesOnlyItsOwnFieldsThoughTheBuilderIsReused() {
    hub.listen(seen::add);
    Long id = 7L;
    hub.emit(EventType.CLOSE_SENT, id, "c1", e -> e.code(4000).reason("bye").initiator(JournalEvent.SERVER));
    hub.emit(EventType.CLOSED, id, "c1", e -> e.attempt(2).durationMs(5).messages(1, 2));
    hub.emit(JournalEvent.fleet("drain", "close all"));

    assertThat(seen).extracting(JournalEvent::seq).containsExactly(1L, 2L, 3L);
    JournalEvent closed = seen.get(1);
    assertThat(closed.type()).isEqualTo(EventType.CLOSED);
    assertThat(closed.connectionId()).isEqualTo(7L);
    assertThat(closed.clientId()).isEqualTo("c1");
    assertThat(closed.code()).isNull();
    assertThat(closed.reason()).isNull();
    assertThat(closed.initiator()).isNull();
    assertThat(closed.messagesOut()).isEqualTo(2L);
    assertThat(seen.get(0).code()).isEqualTo(4000);
    assertThat(seen.get(0).nanos()).isLessThanOrEqualTo(closed.nanos());
  }

  @Test
  void anEventEmittedWhileAnotherIsFilledIsRecordedWithItsOwnFields() {
    hub.listen(seen::add);
    hub.emit(EventType.OPENED, 1L, "outer", outer -> {
      outer.path("/outer");
      hub.emit(EventType.READY, 2L, "inner", inner -> inner.feed("f"));
      outer.detail("still outer");
    });

    assertThat(seen).hasSize(2);
    JournalEvent inner = seen.get(0);
    JournalEvent outer = seen.get(1);
    assertThat(inner.clientId()).isEqualTo("inner");
    assertThat(inner.path()).isNull();
    assertThat(outer.clientId()).isEqualTo("outer");
    assertThat(outer.path()).isEqualTo("/outer");
    assertThat(outer.detail()).isEqualTo("still outer");
    assertThat(outer.feed()).isNull();
  }

  @Test
  void standardCloseCodesAreSharedBoxesWithTheSameValueAsAnyOther() {
    hub.listen(seen::add);
    hub.emit(EventType.CLOSED, 1L, "a", e -> e.code(1000));
    hub.emit(EventType.CLOSED, 2L, "b", e -> e.code(1000));
    hub.emit(EventType.CLOSED, 3L, "c", e -> e.code(4321));

    assertThat(seen.get(0).code()).isSameAs(seen.get(1).code()).isEqualTo(1000);
    assertThat(seen.get(2).code()).isEqualTo(4321);
  }

  @Test
  void enabledFollowsTheListeners() {
    Consumer<JournalEvent> first = seen::add;
    Consumer<JournalEvent> second = e -> { };
    assertThat(hub.enabled()).isFalse();
    hub.listen(first).listen(second);
    hub.unlisten(first);
    assertThat(hub.enabled()).isTrue();
    hub.emit(EventType.OPENED, 1L, "c", e -> { });
    assertThat(seen).isEmpty();
    hub.unlisten(second);
    assertThat(hub.enabled()).isFalse();
  }
}

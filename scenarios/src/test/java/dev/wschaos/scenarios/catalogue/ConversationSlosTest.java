package dev.wschaos.scenarios.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.scenarios.client.ClientLedger;
import dev.wschaos.scenarios.client.ConversationPresets;
import dev.wschaos.scenarios.client.ConversationState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The conversation SLOs judge what {@link ConversationState} recorded in the ledger. */
class ConversationSlosTest {

  private static final String CONNECTED = "CONNECTED\nversion:1.2\n\n\0";

  private static String message(long seq) {
    return "MESSAGE\nsubscription:prices\nmessage-id:prices-" + seq + "\n\n{\"seq\":" + seq + "}\0";
  }

  private static RunFacts facts(ClientLedger ledger, int users) {
    return new RunFacts(users, ledger.snapshot(), null, List.of(), null);
  }

  @Test
  void aResumedReconnectWithoutGapsPasses() {
    ClientLedger ledger = new ClientLedger();
    ConversationState state = new ConversationState(ConversationPresets.stomp(), ledger, "c1");
    state.opened(0, 10, false);
    state.received(CONNECTED, 50);
    state.received(message(1), 100);
    state.opened(1_000, 3_000, true);
    state.received(CONNECTED, 3_200);
    state.received(message(2), 3_300);

    RunFacts facts = facts(ledger, 1);
    assertThat(Slo.everyoneReady().evaluate(facts).passed()).isTrue();
    assertThat(Slo.readyWithin(99, 2_200).evaluate(facts).passed()).isTrue();
    assertThat(Slo.readyWithin(99, 2_199).evaluate(facts).observed()).contains("p99.0 = 2200 ms");
    assertThat(Slo.resubscribed(1, true).evaluate(facts).passed()).isTrue();
    assertThat(Slo.feedGapsAtMost(0).evaluate(facts).passed()).isTrue();
    assertThat(Slo.noDuplicates().evaluate(facts).passed()).isTrue();
  }

  @Test
  void aReconnectWithoutResumeFailsOnItsGapAndItsResubscription() {
    ClientLedger ledger = new ClientLedger();
    ConversationState state = new ConversationState(ConversationPresets.stomp().withoutResume(), ledger, "c1");
    state.opened(0, 10, false);
    state.received(CONNECTED, 50);
    state.received(message(1), 100);
    state.opened(1_000, 3_000, true);
    state.received(CONNECTED, 3_200);
    state.received(message(12), 3_300);
    state.received(message(12), 3_400);

    RunFacts facts = facts(ledger, 2);
    assertThat(Slo.everyoneReady().evaluate(facts).observed()).startsWith("1 of 2 ready");
    assertThat(Slo.resubscribed(1, true).evaluate(facts).failed()).isTrue();
    assertThat(Slo.resubscribed(1, false).evaluate(facts).passed()).isTrue();
    assertThat(Slo.feedGapsAtMost(0).evaluate(facts).observed()).isEqualTo("10 missed in 1 gaps, 3 events received");
    assertThat(Slo.noDuplicates().evaluate(facts).failed()).isTrue();
  }

  @Test
  void withoutAnyReconnectTheReadySloFails() {
    assertThat(Slo.readyWithin(99, 1_000).evaluate(facts(new ClientLedger(), 1)).observed())
        .isEqualTo("no client got ready again after a reconnect");
  }
}

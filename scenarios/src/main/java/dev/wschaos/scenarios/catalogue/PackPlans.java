package dev.wschaos.scenarios.catalogue;

import dev.wschaos.simulator.behaviour.ConversationBehaviour;
import dev.wschaos.simulator.behaviour.Exchange;
import dev.wschaos.simulator.behaviour.ResumeSpec;
import dev.wschaos.simulator.message.MessageMatch;
import dev.wschaos.simulator.message.MessageTemplate;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.PlanCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The protocol packs' built-in plans ({@code stomp}, {@code graphql-ws}) with one step added in front: a subscription
 * that carries the last sequence number the client saw resumes its feed after it, the way
 * {@code ConversationPresets} resumes. Neither protocol defines a resume; brokers extend them like this.
 *
 * <pre>{@code
 * Plan stomp = PackPlans.stompWithResume();     // SUBSCRIBE ... x-resume-after:N -> MESSAGEs N+1.. then live
 * Plan gql = PackPlans.graphqlWsWithResume();   // subscribe with variables.after = N -> next N+1.. then live
 * }</pre>
 */
public final class PackPlans {

  private static final String HEADERS = "(?:[^\\r\\n][^\\n]*\\n)*?";

  private PackPlans() {}

  /** {@code stomp} plus: {@code SUBSCRIBE} with a header {@code x-resume-after:N} resumes subscription {@code id}. */
  public static Plan stompWithResume() {
    Exchange resume = new Exchange(MessageMatch.text("\\ASUBSCRIBE\\r?\\n"
        + "(?=" + HEADERS + "id:(?<id>[^\\r\\n]*))"
        + "(?=" + HEADERS + "destination:(?<destination>[^\\r\\n]*))"
        + "(?=" + HEADERS + "x-resume-after:(?<after>\\d+))"),
        List.of(), null, new ResumeSpec(MessageTemplate.of("{{match.id}}"), MessageTemplate.of("{{match.after}}")));
    return withFirstStep(PlanCatalog.load("stomp"), resume, " Plus: SUBSCRIBE with a header x-resume-after:N "
        + "replays the subscription's MESSAGEs after N, then goes on live.");
  }

  /** {@code graphql-ws} plus: {@code subscribe} with {@code payload.variables.after = N} resumes operation {@code id}. */
  public static Plan graphqlWsWithResume() {
    Exchange resume = new Exchange(
        new MessageMatch(Map.of("type", com.fasterxml.jackson.databind.node.TextNode.valueOf("subscribe")),
            "\"variables\"\\s*:\\s*\\{[^}]*\"after\"\\s*:\\s*\\d", null),
        List.of(), null,
        new ResumeSpec(MessageTemplate.of("{{message.id}}"), MessageTemplate.of("{{message.payload.variables.after}}")));
    return withFirstStep(PlanCatalog.load("graphql-ws"), resume, " Plus: a subscribe with variables.after = N "
        + "replays the operation's next messages after N, then goes on live.");
  }

  private static Plan withFirstStep(Plan pack, Exchange step, String description) {
    ConversationBehaviour c = (ConversationBehaviour) pack.behaviour();
    List<Exchange> steps = new ArrayList<>(c.on());
    steps.add(0, step);
    return pack.withBehaviour(new ConversationBehaviour(c.subprotocols(), c.onOpen(), steps, c.heartbeat(),
        c.unmatched())).withDescription(pack.description() + description);
  }
}

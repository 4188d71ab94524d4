package dev.wschaos.simulator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.behaviour.ConversationBehaviour;
import dev.wschaos.simulator.behaviour.Exchange;
import dev.wschaos.simulator.behaviour.FeedSpec;
import dev.wschaos.simulator.common.InvalidPlanException;
import dev.wschaos.simulator.common.PlanProblem;
import dev.wschaos.simulator.fault.conversation.WithholdReplyFault;
import dev.wschaos.simulator.match.AttemptRange;
import dev.wschaos.simulator.match.Match;
import dev.wschaos.simulator.message.MessageMatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationPlanTest {

  @Test
  void theChatExampleLoadsAndRoundTrips() throws Exception {
    Plan plan = PlanLoader.parse(Files.readString(Path.of("src/test/resources/conversations/chat.yaml")), "chat.yaml");
    assertThat(plan.behaviour()).isInstanceOf(ConversationBehaviour.class);
    String yaml = PlanLoader.toYaml(plan);
    assertThat(PlanLoader.toYaml(PlanLoader.parse(yaml, "round trip"))).isEqualTo(yaml);
    assertThat(PlanLoader.toYaml(PlanLoader.parse(PlanLoader.toJson(plan), "round trip"))).isEqualTo(yaml);
    assertThat(yaml).contains("type: conversation", "subprotocols:", "- chat.v2", "unmatched:", "code: 4003");
  }

  @Test
  void protocolFaultsAndMessageTriggersLoadAndRoundTrip() {
    Plan plan = PlanLoader.parse("""
        name: faults
        behaviour:
          type: conversation
          unmatched: echo
          heartbeat: {send: {binary: AQ==}, every: 1s, expect: {binary: true}, within: 2s, onMiss: {type: drop}}
        rules:
          - match: {attempt: 1}
            fault: {type: withhold-reply, when: {json: {type: auth}}}
          - match: {attempt: 2}
            fault: {type: error-reply, when: {json: {type: subscribe}}, reply: ['{"type":"error"}', {binary: AAE=}]}
          - match: {attempt: 3}
            fault: {type: delay-reply, when: {text: "^PING"}, delay: 2s}
          - match: {attempt: 4}
            trigger: {after: 1s}
            fault: {type: stop-heartbeat}
          - match: {attempt: 5}
            fault: {type: feed-skip, count: 3, feed: "prices*"}
          - match: {attempt: 6}
            fault: {type: feed-repeat}
          - match: {attempt: 7}
            trigger: {when: {json: {type: subscribe, /payload/room: admin}}}
            fault: {type: close, code: 4403, reason: forbidden}
          - match: {attempt: 8}
            fault: {type: error-reply, when: {text: '\\ASUBSCRIBE'}, reply: ["ERROR\\nmessage:no\\n\\n\\0"],
                    then: {type: close, code: 1002, reason: stomp error}}
        """, "faults.yaml");
    String yaml = PlanLoader.toYaml(plan);
    assertThat(PlanLoader.toYaml(PlanLoader.parse(yaml, "round trip"))).isEqualTo(yaml);
    assertThat(yaml).contains("unmatched: echo", "/payload/room: admin", "binary: AAE=", "type: drop", "then:");
  }

  @Test
  void badConversationsAreRefusedWithFileLineAndField() {
    InvalidPlanException e = parseFailure("""
        name: bad
        behaviour:
          type: conversation
          subprotocols: ["chat v2"]
          onOpen: ['{"session":"{{sesion.id}}"}']
          on:
            - when: {json: {/a/b: 1}, text: "[x"}
              reply: ['{{#message}}', {binary: "!!"}, {text: hi, delay: 1s}]
            - when: {binary: true, text: x}
              feed: {every: 0ms, send: '{"seq":{{feed.seq}}}'}
            - when: {json: {type: a}}
              reply: ['{"seq":{{feed.seq}}}']
              resume: {feed: x}
              stop: {feed: "{{feed.key}}"}
          heartbeat: {expect: {json: {type: pong}}, onMiss: {type: reject, status: 503}}
          unmatched: shout
        """);
    assertThat(e.problems()).extracting(PlanProblem::toString).containsExactly(
        "bad.yaml:4:18: behaviour.subprotocols[0]: 'chat v2' is not a subprotocol token (RFC 6455: visible ASCII, "
            + "no separators such as , ; / or spaces)",
        "bad.yaml:5:12: behaviour.onOpen[0].text: unknown variable sesion.id in '{\"session\":\"{{sesion.id}}\"}': "
            + "here the variables are attempt, clientId, connection, json, now, path, query, random",
        "bad.yaml:7:31: behaviour.on[0].when.text: '[x' is not a valid regular expression: Unclosed character class "
            + "near index 1",
        "bad.yaml:8:15: behaviour.on[0].reply[0].text: '{{#message}}' is not a valid template: Failed to close "
            + "'message' tag @[template:1]",
        "bad.yaml:8:32: behaviour.on[0].reply[1].binary: not base64: Illegal base64 character 21",
        "bad.yaml:9:14: behaviour.on[1].when.binary: a binary message has no text or JSON: use binary alone, or "
            + "json/text alone",
        "bad.yaml:10:14: behaviour.on[1].feed.every: must be at least 1ms (e.g. 200ms)",
        "bad.yaml:12:15: behaviour.on[2].reply[0].text: unknown variable feed.seq in '{\"seq\":{{feed.seq}}}': here "
            + "the variables are attempt, clientId, connection, json, match, message, now, path, query, random, text",
        "bad.yaml:14:14: behaviour.on[2].stop.feed: unknown variable feed.key in '{{feed.key}}': here the variables "
            + "are attempt, clientId, connection, json, match, message, now, path, query, random, text",
        "bad.yaml:13:7: behaviour.on[2].resume.after: give the last sequence number the client saw, e.g. "
            + "\"{{message.lastSeq}}\"",
        "bad.yaml:15:3: behaviour.heartbeat.within: must be positive (e.g. 5s): how long to wait for a message "
            + "matching expect",
        "bad.yaml:15:45: behaviour.heartbeat.onMiss: 'reject' is a handshake fault; use a connection fault such as "
            + "close, drop or reset",
        "bad.yaml:16:3: behaviour.unmatched: 'shout' is not one of ignore, echo, or a connection fault such as "
            + "{type: close, code: 1003}");
  }

  @Test
  void badProtocolFaultsAndMessageTriggersAreRefused() {
    InvalidPlanException e = parseFailure("""
        behaviour: {type: conversation}
        rules:
          - fault: {type: error-reply, when: {json: {type: subscribe}}, reply: []}
          - fault: {type: delay-reply, when: {text: "(x"}, delay: 0s}
          - fault: {type: feed-skip, count: 0}
          - trigger: {when: {binary: false}, afterMessages: 2}
            fault: {type: close, code: 4000}
          - fault: {type: error-reply, when: {text: x}, reply: [e], then: {type: reject, status: 503}}
          - fault: {type: error-reply, when: {text: x}, reply: [e], then: {type: close, code: 99}}
        """);
    assertThat(e.problems()).extracting(PlanProblem::toString).containsExactly(
        "bad.yaml:3:65: rules[0].fault.reply: list at least one message (to send nothing, use withhold-reply; to answer with "
            + "a close, give then)",
        "bad.yaml:4:39: rules[1].fault.when.text: '(x' is not a valid regular expression: Unclosed group near index 2",
        "bad.yaml:4:52: rules[1].fault.delay: must be positive (e.g. 2s)",
        "bad.yaml:5:30: rules[2].fault.count: 0 is out of range: 1 or more",
        "bad.yaml:6:5: rules[3].trigger: set at most one of afterMessages, after, onMessage, when (none means: on open)",
        "bad.yaml:6:22: rules[3].trigger.when.binary: only 'binary: true' is meaningful (leave it out to match text "
            + "messages)",
        "bad.yaml:8:61: rules[4].fault.then: 'reject' is not a connection fault; use one such as close, drop or reset",
        "bad.yaml:9:81: rules[5].fault.then.code: 99 is out of range: allowed are 1000-1003, 1007-1014 and "
            + "application codes 3000-4999");
  }

  @Test
  void protocolFaultsNeedAConversation() {
    InvalidPlanException e = parseFailure("""
        rules:
          - fault: {type: stop-heartbeat}
        timeline:
          - at: 1s
            for: 2s
            rules:
              - fault: {type: feed-skip}
        """);
    assertThat(e.problems()).extracting(PlanProblem::toString).containsExactly(
        "bad.yaml:2:5: rules[0].fault: 'stop-heartbeat' is a protocol fault: it acts on a conversation, and this "
            + "plan's behaviour is not one (set behaviour: {type: conversation, ...}, see docs/conversations.md)",
        "bad.yaml:7:9: timeline[0].rules[0].fault: 'feed-skip' is a protocol fault: it acts on a conversation, and "
            + "this plan's behaviour is not one (set behaviour: {type: conversation, ...}, see docs/conversations.md)");
  }

  @Test
  void theJavaExampleOfTheDocsBuildsAValidPlan() {
    Plan plan = Plan.named("chat").withBehaviour(ConversationBehaviour.create()
        .withSubprotocols(List.of("chat.v2"))
        .step(Exchange.reply(MessageMatch.json("type", "auth"), "{\"type\":\"ready\"}"))
        .step(Exchange.reply(MessageMatch.json("type", "subscribe"), "{\"type\":\"subscribed\"}")
            .withFeed(FeedSpec.of("{{message.room}}", Duration.ofMillis(200), "{\"seq\":{{feed.seq}}}"))))
        .withRule(Rule.of(Match.attempt(AttemptRange.exactly(1)),
            new WithholdReplyFault(MessageMatch.json("type", "auth"))));
    assertThat(plan.validate()).isEmpty();
    assertThat(PlanLoader.toYaml(PlanLoader.parse(PlanLoader.toYaml(plan), "round trip")))
        .isEqualTo(PlanLoader.toYaml(plan));
  }

  private static InvalidPlanException parseFailure(String yaml) {
    try {
      PlanLoader.parse(yaml, "bad.yaml", PlanLoader.Format.YAML);
    } catch (InvalidPlanException e) {
      return e;
    }
    throw new AssertionError("plan was accepted:\n" + yaml);
  }
}

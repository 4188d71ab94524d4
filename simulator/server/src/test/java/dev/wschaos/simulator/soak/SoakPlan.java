package dev.wschaos.simulator.soak;

import dev.wschaos.simulator.plan.FaultTypes;
import dev.wschaos.simulator.plan.Plan;
import dev.wschaos.simulator.plan.PlanLoader;
import java.util.List;
import java.util.Map;

/**
 * The soak's plan: a conversation with a feed per room, echo for anything else, and one rule per registered fault
 * type on {@code /f/<type>}, every one bounded in time so a soak client is never held for long. A fault type added
 * to {@link FaultTypes} without attributes here is tried as {@code {type: name}}: if that does not load, the soak
 * fails and says which.
 */
final class SoakPlan {

  /** Attributes a fault needs (or should have, to stay short), by type name. */
  private static final Map<String, String> ATTRIBUTES = Map.ofEntries(
      Map.entry("reject", "status: 503, headers: {Retry-After: \"1\"}"),
      Map.entry("stall", "for: 1s"),
      Map.entry("wrong-status", "status: 200"),
      Map.entry("nginx-error", "status: 502"),
      Map.entry("mangled-upgrade", "omit: [Upgrade]"),
      Map.entry("raw-response", "text: \"HTTP/1.1 200 OK\\r\\nContent-Length: 0\\r\\n\\r\\n\", close: true"),
      Map.entry("slow-headers", "interval: 50ms"),
      Map.entry("close", "code: 1011, reason: soak"),
      Map.entry("slow-handshake", "delay: 300ms"),
      Map.entry("half-open", "for: 1s"),
      Map.entry("close-no-fin", "code: 1001, reason: soak"),
      Map.entry("latency", "delay: 20ms"),
      Map.entry("throttle", "bytesPerSecond: 16384"),
      Map.entry("slice", "chunkBytes: 3, pause: 2ms"),
      Map.entry("slow-link", "delay: 10ms, bytesPerSecond: 65536"),
      Map.entry("oversize", "size: 70000"),
      Map.entry("reserved-bits", "rsv: 1"),
      Map.entry("bad-opcode", "opcode: 3"),
      Map.entry("unexpected-binary", "messages: 1"),
      Map.entry("drop-messages", "probability: 0.5"),
      Map.entry("delay-messages", "delay: 20ms"),
      Map.entry("duplicate-messages", "probability: 0.5"),
      Map.entry("reorder-messages", "window: 2, maxHold: 50ms"),
      Map.entry("withhold-reply", "when: {json: {type: subscribe}}"),
      Map.entry("error-reply", "when: {json: {type: subscribe}}, reply: ['{\"type\":\"error\"}']"),
      Map.entry("delay-reply", "when: {json: {type: subscribe}}, delay: 20ms"),
      Map.entry("feed-skip", "count: 2"),
      Map.entry("feed-repeat", "count: 2"));

  private SoakPlan() {}

  static List<String> faultTypes() {
    return List.copyOf(FaultTypes.all().keySet());
  }

  static Plan create() {
    StringBuilder yaml = new StringBuilder("""
        name: soak
        behaviour:
          type: conversation
          heartbeat: {send: '{"type":"ping"}', every: 500ms}
          on:
            - when: {json: {type: subscribe}}
              reply: ['{"type":"subscribed","room":"{{json.message.room}}"}']
              feed: {key: "{{message.room}}", every: 100ms, send: '{"type":"event","seq":{{feed.seq}}}'}
          unmatched: echo
        rules:
        """);
    for (String type : faultTypes()) {
      String attributes = ATTRIBUTES.get(type);
      yaml.append("  - name: f-").append(type).append('\n')
          .append("    match: {path: /f/").append(type).append("}\n")
          .append("    fault: {type: ").append(type).append(attributes == null ? "" : ", " + attributes).append("}\n");
    }
    return PlanLoader.parse(yaml.toString(), "soak plan");
  }
}

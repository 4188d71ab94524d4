package dev.wschaos.simulator.matrix;

import java.util.List;

/** The matrix's rows over plain ws://, in table order: a baseline, then handshake, close, connection, protocol faults. */
final class Rows {

  private static final String FAULTS = "faults.md";
  private static final String QUALITY = "faults-connection-quality.md";

  private Rows() {}

  static final List<Row> ALL = List.of(
      row("healthy", "baseline", "none (no rule)", Step.PING, "faults.md"),
      row("reject-400", "handshake", "{type: reject, status: 400, body: \"missing token\"}", Step.WAIT, FAULTS + "#reject"),
      row("reject-503", "handshake", "{type: reject, status: 503, headers: {Retry-After: \"7\"}}", Step.WAIT,
          FAULTS + "#reject"),
      row("stall", "handshake", "{type: stall}", Step.WAIT, FAULTS + "#stall"),
      row("abort", "handshake", "{type: abort}", Step.WAIT, FAULTS + "#abort"),
      row("abort-reset", "handshake", "{type: abort, reset: true}", Step.WAIT, FAULTS + "#abort"),
      row("bad-accept", "handshake", "{type: bad-accept}", Step.WAIT, FAULTS + "#bad-accept"),
      row("subprotocol-mismatch", "handshake", "{type: subprotocol-mismatch}", Step.WAIT,
          FAULTS + "#subprotocol-mismatch"),
      row("wrong-status-200", "handshake", "{type: wrong-status, status: 200}", Step.WAIT, FAULTS + "#wrong-status"),
      row("nginx-502", "handshake", "{type: nginx-error, status: 502}", Step.WAIT, FAULTS + "#nginx-error"),
      row("mangled-upgrade", "handshake", "{type: mangled-upgrade, omit: [Upgrade]}", Step.WAIT,
          FAULTS + "#mangled-upgrade"),
      row("close-1001", "close", "{type: close, code: 1001, reason: \"going away\"}", Step.WAIT, FAULTS + "#close"),
      row("close-1008", "close", "{type: close, code: 1008, reason: \"policy violation\"}", Step.WAIT,
          FAULTS + "#close"),
      row("close-1011", "close", "{type: close, code: 1011, reason: \"internal error\"}", Step.WAIT, FAULTS + "#close"),
      row("close-1012", "close", "{type: close, code: 1012, reason: \"service restart\"}", Step.WAIT,
          FAULTS + "#close"),
      row("close-1013", "close", "{type: close, code: 1013, reason: \"try again later\"}", Step.WAIT,
          FAULTS + "#close"),
      row("close-4001", "close", "{type: close, code: 4001, reason: \"token expired\"}", Step.WAIT, FAULTS + "#close"),
      row("drop", "connection", "{type: drop}", Step.WAIT, FAULTS + "#drop"),
      row("reset", "connection", "{type: reset}", Step.WAIT, FAULTS + "#reset"),
      row("half-open", "connection", "{type: half-open}", Step.PING, QUALITY + "#half-open"),
      row("no-pong", "connection", "{type: no-pong}", Step.PING, QUALITY + "#no-pong"),
      row("ignore-close", "connection", "{type: ignore-close}", Step.CLOSE, QUALITY + "#ignore-close"),
      row("close-no-fin", "connection", "{type: close-no-fin, code: 1001, reason: \"going away\"}", Step.WAIT,
          QUALITY + "#close-no-fin"),
      row("invalid-utf8", "protocol", "{type: invalid-utf8}", Step.WAIT, QUALITY + "#invalid-utf8"),
      row("oversize", "protocol", "{type: oversize, size: 1048577}", Step.WAIT, QUALITY + "#oversize"),
      row("masked-frame", "protocol", "{type: masked-frame}", Step.WAIT,
          QUALITY + "#masked-frame-reserved-bits-bad-opcode-fragmented-control"),
      row("reserved-bits", "protocol", "{type: reserved-bits, rsv: 1}", Step.WAIT,
          QUALITY + "#masked-frame-reserved-bits-bad-opcode-fragmented-control"),
      row("bad-opcode", "protocol", "{type: bad-opcode, opcode: 3}", Step.WAIT,
          QUALITY + "#masked-frame-reserved-bits-bad-opcode-fragmented-control"),
      row("fragmented-control", "protocol", "{type: fragmented-control}", Step.WAIT,
          QUALITY + "#masked-frame-reserved-bits-bad-opcode-fragmented-control"));

  private static Row row(String id, String group, String fault, Step step, String docs) {
    return new Row(id, group, fault, step, docs);
  }
}

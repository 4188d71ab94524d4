package dev.wschaos.simulator.fault;

import dev.wschaos.simulator.fault.connection.CloseFault;
import dev.wschaos.simulator.fault.connection.CloseNoFinFault;
import dev.wschaos.simulator.fault.connection.HalfOpenFault;
import dev.wschaos.simulator.fault.connection.IgnoreCloseFault;
import dev.wschaos.simulator.fault.connection.NoPongFault;
import dev.wschaos.simulator.fault.connection.DropFault;
import dev.wschaos.simulator.fault.connection.ResetFault;
import dev.wschaos.simulator.fault.handshake.AbortFault;
import dev.wschaos.simulator.fault.handshake.BadAcceptFault;
import dev.wschaos.simulator.fault.handshake.MangledUpgradeFault;
import dev.wschaos.simulator.fault.handshake.NginxErrorFault;
import dev.wschaos.simulator.fault.handshake.RawResponseFault;
import dev.wschaos.simulator.fault.handshake.RejectFault;
import dev.wschaos.simulator.fault.handshake.SlowHandshakeFault;
import dev.wschaos.simulator.fault.handshake.SlowHeadersFault;
import dev.wschaos.simulator.fault.handshake.StallFault;
import dev.wschaos.simulator.fault.handshake.SubprotocolMismatchFault;
import dev.wschaos.simulator.fault.handshake.WrongStatusFault;
import dev.wschaos.simulator.fault.message.DropMessagesFault;
import dev.wschaos.simulator.fault.message.DuplicateMessagesFault;
import dev.wschaos.simulator.fault.message.ReorderMessagesFault;
import dev.wschaos.simulator.fault.protocol.BadOpcodeFault;
import dev.wschaos.simulator.fault.protocol.FragmentedControlFault;
import dev.wschaos.simulator.fault.protocol.InvalidUtf8Fault;
import dev.wschaos.simulator.fault.protocol.MaskedFrameFault;
import dev.wschaos.simulator.fault.protocol.OversizeFault;
import dev.wschaos.simulator.fault.protocol.ReservedBitsFault;
import dev.wschaos.simulator.fault.protocol.UnexpectedBinaryFault;
import dev.wschaos.simulator.fault.shaping.LatencyFault;
import dev.wschaos.simulator.fault.shaping.SliceFault;
import dev.wschaos.simulator.fault.shaping.SlowLinkFault;
import dev.wschaos.simulator.fault.shaping.ThrottleFault;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The registry of fault types by the name plan files use. Adding a fault is one line here. */
public final class FaultTypes {

  private static final Map<String, Class<? extends Fault>> BY_NAME = new LinkedHashMap<>();

  static {
    // handshake faults
    register("reject", RejectFault.class);
    register("stall", StallFault.class);
    register("abort", AbortFault.class);
    register("bad-accept", BadAcceptFault.class);
    register("subprotocol-mismatch", SubprotocolMismatchFault.class);
    register("wrong-status", WrongStatusFault.class);
    register("nginx-error", NginxErrorFault.class);
    register("mangled-upgrade", MangledUpgradeFault.class);
    register("raw-response", RawResponseFault.class);
    register("slow-headers", SlowHeadersFault.class);
    // connection faults
    register("close", CloseFault.class);
    register("drop", DropFault.class);
    register("reset", ResetFault.class);
    // stalls, shaping, protocol violations, message faults
    register("slow-handshake", SlowHandshakeFault.class);
    register("half-open", HalfOpenFault.class);
    register("no-pong", NoPongFault.class);
    register("ignore-close", IgnoreCloseFault.class);
    register("close-no-fin", CloseNoFinFault.class);
    register("latency", LatencyFault.class);
    register("throttle", ThrottleFault.class);
    register("slice", SliceFault.class);
    register("slow-link", SlowLinkFault.class);
    register("invalid-utf8", InvalidUtf8Fault.class);
    register("oversize", OversizeFault.class);
    register("masked-frame", MaskedFrameFault.class);
    register("reserved-bits", ReservedBitsFault.class);
    register("bad-opcode", BadOpcodeFault.class);
    register("fragmented-control", FragmentedControlFault.class);
    register("unexpected-binary", UnexpectedBinaryFault.class);
    register("drop-messages", DropMessagesFault.class);
    register("duplicate-messages", DuplicateMessagesFault.class);
    register("reorder-messages", ReorderMessagesFault.class);
  }

  private FaultTypes() {}

  private static void register(String name, Class<? extends Fault> type) {
    BY_NAME.put(name, type);
  }

  public static Map<String, Class<? extends Fault>> all() {
    return Collections.unmodifiableMap(BY_NAME);
  }

  public static String nameOf(Class<?> type) {
    for (Map.Entry<String, Class<? extends Fault>> e : BY_NAME.entrySet()) {
      if (e.getValue() == type) {
        return e.getKey();
      }
    }
    throw new IllegalArgumentException(type.getName() + " is not registered in FaultTypes");
  }
}

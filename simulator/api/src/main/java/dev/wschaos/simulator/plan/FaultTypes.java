package dev.wschaos.simulator.plan;

import dev.wschaos.simulator.fault.Fault;
import dev.wschaos.simulator.fault.connection.CloseFault;
import dev.wschaos.simulator.fault.connection.CloseNoFinFault;
import dev.wschaos.simulator.fault.connection.DropFault;
import dev.wschaos.simulator.fault.connection.HalfOpenFault;
import dev.wschaos.simulator.fault.connection.IgnoreCloseFault;
import dev.wschaos.simulator.fault.connection.NoPongFault;
import dev.wschaos.simulator.fault.connection.ResetFault;
import dev.wschaos.simulator.fault.conversation.DelayReplyFault;
import dev.wschaos.simulator.fault.conversation.ErrorReplyFault;
import dev.wschaos.simulator.fault.conversation.FeedRepeatFault;
import dev.wschaos.simulator.fault.conversation.FeedSkipFault;
import dev.wschaos.simulator.fault.conversation.StopHeartbeatFault;
import dev.wschaos.simulator.fault.conversation.WithholdReplyFault;
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
import dev.wschaos.simulator.fault.message.DelayMessagesFault;
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
    register(RejectFault.class);
    register(StallFault.class);
    register(AbortFault.class);
    register(BadAcceptFault.class);
    register(SubprotocolMismatchFault.class);
    register(WrongStatusFault.class);
    register(NginxErrorFault.class);
    register(MangledUpgradeFault.class);
    register(RawResponseFault.class);
    register(SlowHeadersFault.class);
    // connection faults
    register(CloseFault.class);
    register(DropFault.class);
    register(ResetFault.class);
    // stalls, shaping, protocol violations, message faults
    register(SlowHandshakeFault.class);
    register(HalfOpenFault.class);
    register(NoPongFault.class);
    register(IgnoreCloseFault.class);
    register(CloseNoFinFault.class);
    register(LatencyFault.class);
    register(ThrottleFault.class);
    register(SliceFault.class);
    register(SlowLinkFault.class);
    register(InvalidUtf8Fault.class);
    register(OversizeFault.class);
    register(MaskedFrameFault.class);
    register(ReservedBitsFault.class);
    register(BadOpcodeFault.class);
    register(FragmentedControlFault.class);
    register(UnexpectedBinaryFault.class);
    register(DropMessagesFault.class);
    register(DelayMessagesFault.class);
    register(DuplicateMessagesFault.class);
    register(ReorderMessagesFault.class);
    // protocol faults, acting on a conversation
    register(WithholdReplyFault.class);
    register(ErrorReplyFault.class);
    register(DelayReplyFault.class);
    register(StopHeartbeatFault.class);
    register(FeedSkipFault.class);
    register(FeedRepeatFault.class);
  }

  private FaultTypes() {}

  private static void register(Class<? extends Fault> type) {
    BY_NAME.put(Fault.typeName(type), type);
  }

  public static Map<String, Class<? extends Fault>> all() {
    return Collections.unmodifiableMap(BY_NAME);
  }

  public static String nameOf(Class<? extends Fault> type) {
    return Fault.typeName(type);
  }
}

package dev.wschaos.simulator.fault;

import dev.wschaos.simulator.fault.connection.CloseFault;
import dev.wschaos.simulator.fault.connection.DropFault;
import dev.wschaos.simulator.fault.connection.ResetFault;
import dev.wschaos.simulator.fault.handshake.AbortFault;
import dev.wschaos.simulator.fault.handshake.BadAcceptFault;
import dev.wschaos.simulator.fault.handshake.RejectFault;
import dev.wschaos.simulator.fault.handshake.StallFault;
import dev.wschaos.simulator.fault.handshake.SubprotocolMismatchFault;
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
    // connection faults
    register("close", CloseFault.class);
    register("drop", DropFault.class);
    register("reset", ResetFault.class);
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

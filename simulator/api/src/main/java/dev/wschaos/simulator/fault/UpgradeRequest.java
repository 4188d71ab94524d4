package dev.wschaos.simulator.fault;

import dev.wschaos.simulator.match.MatchSubject;
import java.util.List;

/** An upgrade request as a fault sees it. */
public interface UpgradeRequest extends MatchSubject {

  String method();

  /** The subprotocols the client offered in {@code Sec-WebSocket-Protocol}, in its order. */
  List<String> offeredSubprotocols();

  String remoteAddress();
}

package dev.wschaos.simulator.analytics;

/**
 * The key analytics groups attempts by: the clientId when the client sent one, else {@code anon:} and its remote
 * host (so every anonymous client behind one address is one "client").
 *
 * <pre>{@code
 * ClientKey.of("c1", "127.0.0.1")   // "c1"
 * ClientKey.of(null, "127.0.0.1")   // "anon:127.0.0.1"
 * }</pre>
 */
public final class ClientKey {

  private ClientKey() {}

  public static String of(String clientId, String remoteHost) {
    if (clientId != null && !clientId.isBlank()) {
      return clientId;
    }
    return "anon:" + (remoteHost == null ? "unknown" : remoteHost);
  }
}

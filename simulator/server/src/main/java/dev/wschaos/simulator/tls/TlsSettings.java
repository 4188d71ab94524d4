package dev.wschaos.simulator.tls;

import dev.wschaos.simulator.plan.TlsProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the TLS lab listens (fixed for the server's life, like its plain port): the plan's {@code wss://} port, whose
 * profile the plan's {@code tls:} section chooses and which can switch at run time, and any number of ports with a
 * fixed profile. Port 0 picks a free port. Immutable.
 *
 * <pre>{@code
 * WsChaosServer server = WsChaosServer.builder()
 *     .tls(TlsSettings.port(0)                              // profile from the plan, switchable
 *         .listener(TlsProfile.EXPIRED, 0)                  // always expired
 *         .listener(TlsProfile.HANDSHAKE_STALL, 0)          // never answers the ClientHello
 *         .caOut(Path.of("build/wschaos-ca")))              // wschaos-ca.pem + wschaos-ca.p12
 *     .start();
 * }</pre>
 */
public final class TlsSettings {

  public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

  private final Integer port;
  private final Map<TlsProfile, Integer> listeners;
  private final Path caOut;
  private final CertificateLab lab;
  private final Duration handshakeTimeout;

  private TlsSettings(Integer port, Map<TlsProfile, Integer> listeners, Path caOut, CertificateLab lab,
                      Duration handshakeTimeout) {
    this.port = port;
    this.listeners = Collections.unmodifiableMap(new LinkedHashMap<>(listeners));
    this.caOut = caOut;
    this.lab = lab;
    this.handshakeTimeout = handshakeTimeout;
  }

  /** The plan's {@code wss://} port (0: a free one). */
  public static TlsSettings port(int port) {
    return none().withPort(port);
  }

  /** No plan port yet; add fixed-profile listeners. */
  public static TlsSettings none() {
    return new TlsSettings(null, Map.of(), null, null, DEFAULT_HANDSHAKE_TIMEOUT);
  }

  public TlsSettings withPort(int value) {
    return new TlsSettings(checkPort(value), listeners, caOut, lab, handshakeTimeout);
  }

  /** A port that always presents {@code profile} (0: a free one); one port per profile. */
  public TlsSettings listener(TlsProfile profile, int listenerPort) {
    Map<TlsProfile, Integer> next = new LinkedHashMap<>(listeners);
    next.put(Objects.requireNonNull(profile, "profile"), checkPort(listenerPort));
    return new TlsSettings(port, next, caOut, lab, handshakeTimeout);
  }

  /** Every profile on a free port of its own: a complete fault lab. */
  public TlsSettings allProfiles() {
    TlsSettings result = this;
    for (TlsProfile profile : TlsProfile.values()) {
      result = result.listener(profile, 0);
    }
    return result;
  }

  /** Also write the root CA ({@code wschaos-ca.pem}, {@code wschaos-ca.p12}) into this directory at start-up. */
  public TlsSettings caOut(Path dir) {
    return new TlsSettings(port, listeners, dir, lab, handshakeTimeout);
  }

  /** Serve this lab's certificates instead of generating new ones (e.g. one lab per test class). */
  public TlsSettings lab(CertificateLab value) {
    return new TlsSettings(port, listeners, caOut, value, handshakeTimeout);
  }

  /** How long the server waits for a client to finish the TLS handshake (default 10 s). */
  public TlsSettings handshakeTimeout(Duration value) {
    return new TlsSettings(port, listeners, caOut, lab, Objects.requireNonNull(value, "handshakeTimeout"));
  }

  /** The plan's wss port, or null when there is none. */
  public Integer planPort() {
    return port;
  }

  public Map<TlsProfile, Integer> listeners() {
    return listeners;
  }

  public Path caOutDir() {
    return caOut;
  }

  public CertificateLab presetLab() {
    return lab;
  }

  public Duration handshakeTimeoutValue() {
    return handshakeTimeout;
  }

  /** Every problem with these settings next to a plain listener on {@code plainPort}; empty when fine. */
  public List<String> problems(int plainPort) {
    List<String> problems = new ArrayList<>();
    if (port == null && listeners.isEmpty()) {
      problems.add("TLS is on but has no port: give the plan's wss port (--tls-port) or a profile listener");
    }
    Map<Integer, String> taken = new HashMap<>();
    if (plainPort != 0) {
      taken.put(plainPort, "the ws port");
    }
    if (port != null && port != 0) {
      claim(taken, port, "the wss port (--tls-port)", problems);
    }
    listeners.forEach((profile, p) -> {
      if (p != 0) {
        claim(taken, p, "the " + profile.id() + " listener", problems);
      }
    });
    return problems;
  }

  private static void claim(Map<Integer, String> taken, int port, String what, List<String> problems) {
    String owner = taken.putIfAbsent(port, what);
    if (owner != null) {
      problems.add("port " + port + " is given to both " + owner + " and " + what + "; each needs its own port");
    }
  }

  private static int checkPort(int value) {
    if (value < 0 || value > 65535) {
      throw new IllegalArgumentException("port " + value + " is out of range 0-65535");
    }
    return value;
  }

  @Override
  public String toString() {
    return "TlsSettings[port=" + port + ", listeners=" + listeners + ", caOut=" + caOut + "]";
  }
}

package dev.wschaos.simulator.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wschaos.simulator.common.Problems;

/**
 * How the proxy checks a {@code wss://} upstream's certificate.
 *
 * <pre>{@code
 * tls: {trust: jdk}                                   # the JDK's trust store (default)
 * tls: {trust: ca-pem, caPem: /etc/dev-ca.pem}        # only this CA (PEM file)
 * tls: {trust: insecure}                              # no verification at all: dev hosts only
 * }</pre>
 *
 * @param trust what to trust
 * @param caPem the CA certificate file (PEM), for {@code trust: ca-pem} only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpstreamTls(Trust trust, String caPem) {

  public static final UpstreamTls JDK = new UpstreamTls(Trust.JDK, null);

  /** What the proxy trusts when it connects to a {@code wss://} upstream. */
  public enum Trust {
    @JsonProperty("jdk") JDK,
    @JsonProperty("ca-pem") CA_PEM,
    @JsonProperty("insecure") INSECURE
  }

  @JsonCreator
  public UpstreamTls(@JsonProperty("trust") Trust trust, @JsonProperty("caPem") String caPem) {
    this.trust = trust == null ? Trust.JDK : trust;
    this.caPem = caPem;
  }

  public static UpstreamTls caPem(String file) {
    return new UpstreamTls(Trust.CA_PEM, file);
  }

  public static UpstreamTls insecure() {
    return new UpstreamTls(Trust.INSECURE, null);
  }

  void validate(Problems problems) {
    if (trust == Trust.CA_PEM && (caPem == null || caPem.isBlank())) {
      problems.at("caPem").error("trust: ca-pem needs caPem, the CA certificate file (PEM)");
    }
    if (trust != Trust.CA_PEM && caPem != null) {
      problems.at("caPem").error("is only read with trust: ca-pem (trust is " + trust.name().toLowerCase()
          .replace('_', '-') + ")");
    }
  }
}

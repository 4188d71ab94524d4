package dev.wschaos.simulator.matrix;

import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

/** The simulator's test CA in the shapes the client libraries take it: a context, its trust manager, the PEM. */
public record TrustedCa(SSLContext context, X509TrustManager trustManager, String pem) {}

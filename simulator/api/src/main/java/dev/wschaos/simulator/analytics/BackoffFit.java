package dev.wschaos.simulator.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The classified backoff of one client: the envelope {@code delay(k)} of its reconnect delays (k = retry index within
 * a retry run), the jitter under it and how well the model fits. Parameters that the kind does not use are null.
 *
 * @param kind the model chosen
 * @param jitter how delays spread under the envelope; null when not classified
 * @param baseMillis the envelope at retry 0 (the constant delay for {@code constant}, the median for {@code immediate})
 * @param factor growth per retry ({@code exponential}, {@code capped-exponential})
 * @param incrementMillis growth per retry ({@code linear})
 * @param capMillis the plateau ({@code capped-exponential})
 * @param jitterLowerFraction estimated lower edge of the delays relative to the envelope (0 = full jitter)
 * @param logRmse root mean square of the residuals of ln(delay) around the fitted curve (0 = exact; about 1 is what
 *     full jitter alone produces)
 * @param rSquared share of the variance of ln(delay) the model explains (1 = all; 0 for a constant)
 * @param delays how many delays were fitted
 * @param summary one line for people, e.g. "exponential 100 ms x2.0, cap 2000 ms, full jitter"
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackoffFit(BackoffKind kind, Jitter jitter, Double baseMillis, Double factor, Double incrementMillis,
                         Double capMillis, Double jitterLowerFraction, Double logRmse, Double rSquared, int delays,
                         String summary) {}

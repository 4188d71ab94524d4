package dev.wschaos.simulator.analytics;

import java.util.Map;

/**
 * Headline figures.
 *
 * @param clients distinct client keys
 * @param attempts upgrade requests
 * @param accepted accepted upgrades
 * @param rejected refused upgrades
 * @param aborted upgrades without a usable answer
 * @param reconnects reconnect delays measured (attempts after an earlier attempt of the same client had ended)
 * @param clientsWithFindings clients with at least one finding
 * @param findings findings per check id
 * @param backoff clients per backoff kind id
 * @param droppedAttempts attempts the recorder forgot because it was full
 */
public record ReportSummary(int clients, int attempts, int accepted, int rejected, int aborted, int reconnects,
                            int clientsWithFindings, Map<String, Integer> findings, Map<String, Integer> backoff,
                            long droppedAttempts) {}

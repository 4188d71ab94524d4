package dev.wschaos.simulator.cluster;

import java.util.List;

/**
 * The cluster as one node sees it ({@code GET /cluster}): its name, the plan version in force here and the nodes,
 * oldest first, each with its open connections.
 *
 * <pre>{@code
 * {"name":"wschaos","plan":"4@5b0c...","nodes":[{"index":1,"address":"127.0.0.1:5701","self":true,...,
 *  "connections":1480}, ...]}
 * }</pre>
 */
public record ClusterStatus(String name, String plan, List<ClusterMember> nodes) {}

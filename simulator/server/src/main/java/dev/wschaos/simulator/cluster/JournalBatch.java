package dev.wschaos.simulator.cluster;

import dev.wschaos.simulator.journal.JournalEvent;
import java.util.List;

/**
 * What one node tells the others about its connections, every {@link JournalShare#FLUSH_MS} ms: the journal events
 * reconnect analytics read (without headers), or that the reconnect history was cleared.
 */
record JournalBatch(String node, boolean clear, List<JournalEvent> events) {}

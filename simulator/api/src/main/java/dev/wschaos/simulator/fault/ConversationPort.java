package dev.wschaos.simulator.fault;

import dev.wschaos.simulator.message.MessageMatch;

/**
 * What protocol faults can change in a connection's conversation (see {@code ConversationBehaviour}); reached
 * through {@code LiveConnection#conversation()}, null when the plan's behaviour is not a conversation.
 *
 * <pre>{@code
 * port.changeReplies(MessageMatch.json("type", "auth"), ReplyChange.WITHHOLD);
 * }</pre>
 */
public interface ConversationPort {

  /** From now on, client messages matching {@code when} are handled as {@code change} says. */
  void changeReplies(MessageMatch when, ReplyChange change);

  /** Stop the conversation's heartbeat: nothing more sent, nothing more expected. */
  void stopHeartbeat();

  /**
   * Disturb the live events of the feeds whose key matches {@code feedGlob}: skip the next {@code skip} sequence
   * numbers (produced, never sent live, still replayed on resume), and send each of the next {@code repeat} twice.
   */
  void disturbFeeds(String feedGlob, int skip, int repeat);
}

package dev.wschaos.simulator.fleet;

import dev.wschaos.simulator.common.Problems;
import dev.wschaos.simulator.match.Match;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Which open connections an action takes: those that {@code match} (all when absent), then a random {@code share}
 * of them (0 to 1) or a random {@code count}; all of them when neither is set. Drawn from the server's seeded random
 * source.
 */
public record Selection(Double share, Integer count, Match match) {

  public static final Selection ALL = new Selection(null, null, null);

  public List<FleetMember> pick(Collection<? extends FleetMember> open, Random random) {
    List<FleetMember> candidates = new ArrayList<>();
    for (FleetMember member : open) {
      if (match == null || match.matches(member)) {
        candidates.add(member);
      }
    }
    candidates.sort((a, b) -> Long.compare(a.id(), b.id()));
    int take = candidates.size();
    if (count != null) {
      take = Math.min(take, count);
    } else if (share != null) {
      take = (int) Math.round(candidates.size() * share);
    }
    if (take < candidates.size()) {
      Collections.shuffle(candidates, random);
      return List.copyOf(candidates.subList(0, take));
    }
    return candidates;
  }

  public void validate(Problems problems) {
    if (share != null && !(share >= 0.0 && share <= 1.0)) {
      problems.at("share").error(share + " is out of range: a share is from 0 to 1 (0.2 = 20% of the connections)");
    }
    if (count != null && count < 0) {
      problems.at("count").error("cannot be negative");
    }
    if (share != null && count != null) {
      problems.at("count").error("give either share or count, not both");
    }
    if (match != null) {
      match.validate(problems.at("match"));
    }
  }

  public String describe() {
    return (count != null ? "count=" + count : share != null ? "share=" + share : "all")
        + (match == null ? "" : " matching");
  }
}

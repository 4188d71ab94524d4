package dev.wschaos.simulator.fleet;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a fleet action was applied to.
 *
 * @param action   the action, described in one line
 * @param selected how many open connections it took (an outage takes them all)
 */
public record ActionResult(String action, int selected) {

  @JsonCreator
  public ActionResult(@JsonProperty("action") String action, @JsonProperty("selected") int selected) {
    this.action = action;
    this.selected = selected;
  }
}

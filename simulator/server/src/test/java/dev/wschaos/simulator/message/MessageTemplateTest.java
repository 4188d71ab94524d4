package dev.wschaos.simulator.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wschaos.simulator.common.PlanProblem;
import dev.wschaos.simulator.common.Problems;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MessageTemplateTest {

  private static List<String> problems(MessageTemplate template, Set<String> variables) {
    Problems problems = Problems.root();
    template.validate(problems, variables);
    return problems.list().stream().map(PlanProblem::toString).toList();
  }

  @Test
  void insertsValuesAsTheyAreAndIteratesSections() {
    MessageTemplate template = MessageTemplate.of("{{message.q}} | {{#message.items}}{{.}};{{/message.items}}"
        + "{{^message.user}}anonymous{{/message.user}}");
    Map<String, Object> scope = Map.of("message", Map.of("q", "say \"hi\" <b>", "items", List.of("a", "b")));
    assertThat(template.render(scope)).isEqualTo("say \"hi\" <b> | a;b;anonymous");
  }

  @Test
  void aTemplateWithoutVariablesIsSentAsWritten() {
    MessageTemplate template = MessageTemplate.of("{\"type\":\"ack\"}");
    assertThat(template.isConstant()).isTrue();
    assertThat(template.render(null)).isEqualTo("{\"type\":\"ack\"}");
  }

  @Test
  void syntaxErrorsUnknownVariablesAndPartialsAreRefused() {
    assertThat(problems(MessageTemplate.of("{{#a}}x"), TemplateVariables.MESSAGE)).singleElement().asString()
        .contains("'{{#a}}x' is not a valid template: Failed to close 'a' tag");
    assertThat(problems(MessageTemplate.of("{{mesage.user}} {{json.txt}} {{message.user}}"), TemplateVariables.MESSAGE))
        .singleElement().asString().contains("unknown variables json.txt, mesage.user in");
    assertThat(problems(MessageTemplate.of("{{> /etc/passwd}}"), TemplateVariables.MESSAGE)).singleElement()
        .asString().contains("partials ({{> /etc/passwd}}) are not supported");
    assertThat(problems(MessageTemplate.of("{{feed.seq}}"), TemplateVariables.FEED)).isEmpty();
    assertThat(problems(MessageTemplate.of("{{feed.seq}}"), TemplateVariables.MESSAGE)).hasSize(1);
  }
}

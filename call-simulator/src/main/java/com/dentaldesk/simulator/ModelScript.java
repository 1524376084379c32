package com.dentaldesk.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.dentaldesk.simulator.Scenario.ModelRule;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The scripted model of a set of scenario files: every file's {@code model} rules, in file order. A request is
 * answered by the first rule matching its last message, so rules of different files must not overlap.
 */
public final class ModelScript {

    private final List<ModelRule> rules;

    private ModelScript(List<ModelRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static ModelScript of(List<Scenario> scenarios) {
        List<ModelRule> rules = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            for (ModelRule rule : scenario.model()) {
                check(scenario.name(), rule);
                rules.add(rule);
            }
        }
        return new ModelScript(rules);
    }

    public List<ModelRule> rules() {
        return rules;
    }

    /** The rule answering this chat-completions request, if any. */
    public Optional<ModelRule> answer(JsonNode request) {
        JsonNode messages = request.path("messages");
        if (messages.size() == 0) {
            return Optional.empty();
        }
        JsonNode last = messages.get(messages.size() - 1);
        String role = last.path("role").asText();
        String said = last.path("content").asText("");
        String toolCallId = last.path("tool_call_id").asText(null);
        return rules.stream().filter(rule -> rule.whenCallerSays() != null ? "user".equals(role)
                && said.contains(rule.whenCallerSays())
                : "tool".equals(role) && rule.whenToolReturns().equals(toolCallId)).findFirst();
    }

    private static void check(String scenario, ModelRule rule) {
        int conditions = (rule.whenCallerSays() == null ? 0 : 1) + (rule.whenToolReturns() == null ? 0 : 1);
        int answers = (rule.say() == null ? 0 : 1) + (rule.toolCall() == null ? 0 : 1) + (rule.fail() == null ? 0 : 1);
        if (conditions != 1 || answers != 1) {
            throw new SimulatorException("scenario " + scenario + ": a model rule needs one of whenCallerSays or "
                    + "whenToolReturns, and one of say, toolCall or fail");
        }
        if (rule.toolCall() != null && (rule.toolCall().id() == null || rule.toolCall().name() == null)) {
            throw new SimulatorException("scenario " + scenario + ": a model toolCall needs an id and a name");
        }
    }
}

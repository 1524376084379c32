package com.dentaldesk.voice.tools;

import java.util.List;
import java.util.Map;

import com.dentaldesk.contracts.booking.BookingFunction;
import com.dentaldesk.contracts.booking.Provider;
import com.dentaldesk.voice.client.BookingOutcome;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import jakarta.enterprise.context.ApplicationScoped;

/** The clinic's dentists and hygienists, by name and specialty. */
@ApplicationScoped
public class ListProvidersTool implements CallerTool {

    @Override
    public ToolSpecification specification() {
        return ToolSpecification.builder()
                .name("list_providers")
                .description("List the clinic's dentists and hygienists (name and specialty), when the caller asks "
                        + "who works here or wants a specific provider.")
                .parameters(JsonObjectSchema.builder().build())
                .build();
    }

    @Override
    public ToolResult run(ToolContext context, JsonNode args) {
        BookingOutcome outcome = context.call(BookingFunction.GetProviders, Map.of());
        List<Provider> providers = !outcome.success() || outcome.data() == null ? List.of()
                : Spoken.JSON.convertValue(outcome.data(), new TypeReference<List<Provider>>() {
                });
        var result = Spoken.status("PROVIDERS");
        var list = result.putArray("providers");
        providers.stream().filter(p -> !p.hidden()).forEach(p -> list.addObject()
                .put("name", "Dr. " + p.lastName()).put("first_name", p.firstName()).put("specialty", p.specialty()));
        return ToolResult.ok(result.toString());
    }
}

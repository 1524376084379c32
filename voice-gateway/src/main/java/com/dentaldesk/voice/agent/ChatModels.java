package com.dentaldesk.voice.agent;

import java.util.Optional;

import com.dentaldesk.voice.config.GatewayConfig;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import jakarta.enterprise.context.ApplicationScoped;

/** The streaming chat model, or none when no API key is configured (then every call takes messages). */
@ApplicationScoped
public class ChatModels {

    private final Optional<StreamingChatModel> model;

    public ChatModels(GatewayConfig config) {
        this.model = config.openai().apiKey().filter(key -> !key.isBlank()).map(key -> OpenAiStreamingChatModel.builder()
                .apiKey(key)
                .baseUrl(config.openai().baseUrl())
                .modelName(config.openai().model())
                .temperature(config.openai().temperature())
                .parallelToolCalls(false)
                .timeout(config.openai().responseTimeout())
                .build());
    }

    public Optional<StreamingChatModel> model() {
        return model;
    }
}

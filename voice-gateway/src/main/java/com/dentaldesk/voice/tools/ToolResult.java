package com.dentaldesk.voice.tools;

/**
 * What a tool returns to the model ({@code content}, JSON) plus what the code must act on: a closing action, a
 * {@code question} the gateway itself puts to the caller to end the turn (a confirmation, word for word), or
 * {@code unavailable} when booking-api could not answer and the call must switch to taking a message.
 */
public record ToolResult(boolean successful, String content, Closing closing, String question, boolean unavailable) {

    /** An action that ends the turn with a closing line the caller cannot interrupt. */
    public record Closing(String line, boolean endCall, String transferNumber) {
    }

    public static ToolResult ok(String content) {
        return new ToolResult(true, content, null, null, false);
    }

    public static ToolResult refused(String content) {
        return new ToolResult(false, content, null, null, false);
    }

    /** Nothing written yet: the gateway asks the caller {@code question} itself, and the turn ends there. */
    public static ToolResult ask(String content, String question) {
        return new ToolResult(false, content, null, question, false);
    }

    public static ToolResult unavailable(String reason) {
        return new ToolResult(false, "{\"status\":\"UNAVAILABLE\",\"reason\":\"" + reason + "\"}", null, null,
                true);
    }

    public static ToolResult closing(String content, Closing closing) {
        return new ToolResult(true, content, closing, null, false);
    }
}

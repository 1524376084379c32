package com.dentaldesk.voice.tools;

/**
 * What a tool returns to the model ({@code content}, JSON) plus what the code must act on: a closing action, or
 * {@code unavailable} when booking-api could not answer and the call must switch to taking a message.
 */
public record ToolResult(boolean successful, String content, Closing closing, boolean unavailable) {

    /** An action that ends the turn with a closing line the caller cannot interrupt. */
    public record Closing(String line, boolean endCall, String transferNumber) {
    }

    public static ToolResult ok(String content) {
        return new ToolResult(true, content, null, false);
    }

    public static ToolResult refused(String content) {
        return new ToolResult(false, content, null, false);
    }

    public static ToolResult unavailable(String reason) {
        return new ToolResult(false, "{\"status\":\"UNAVAILABLE\",\"reason\":\"" + reason + "\"}", null, true);
    }

    public static ToolResult closing(String content, Closing closing) {
        return new ToolResult(true, content, closing, false);
    }
}

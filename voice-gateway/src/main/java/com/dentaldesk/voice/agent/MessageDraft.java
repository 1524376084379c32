package com.dentaldesk.voice.agent;

/** The message-taking flow's progress: what it asked last and what it has collected. */
public record MessageDraft(Stage stage, String name, String phone, String reason) {

    public enum Stage {
        NOT_STARTED, ASK_NAME, CONFIRM_NUMBER, ASK_NUMBER, ASK_REASON, DONE
    }

    public static MessageDraft start() {
        return new MessageDraft(Stage.NOT_STARTED, null, null, null);
    }

    public MessageDraft next(Stage next) {
        return new MessageDraft(next, name, phone, reason);
    }

    public MessageDraft withName(String value) {
        return new MessageDraft(stage, value, phone, reason);
    }

    public MessageDraft withPhone(String value) {
        return new MessageDraft(stage, name, value, reason);
    }

    public MessageDraft withReason(String value) {
        return new MessageDraft(stage, name, phone, value);
    }
}

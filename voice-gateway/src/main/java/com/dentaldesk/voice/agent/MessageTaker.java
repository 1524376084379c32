package com.dentaldesk.voice.agent;

import java.util.Locale;

import org.jboss.logging.Logger;

import com.dentaldesk.contracts.calls.CallOutcome;
import com.dentaldesk.contracts.calls.LeadRequest;
import com.dentaldesk.voice.agent.MessageDraft.Stage;
import com.dentaldesk.voice.config.GatewayConfig;
import com.dentaldesk.voice.speech.ConfirmationAnswer;
import com.dentaldesk.voice.tools.ToolResult;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The degraded mode: a fixed, model-free flow that takes name, callback number and reason and saves them as a
 * lead. Used when there is no model, the model fails or is slow, or booking-api cannot be reached, so the
 * caller always gets a polite call and the clinic a callback.
 */
@ApplicationScoped
public class MessageTaker {

    private static final Logger LOG = Logger.getLogger(MessageTaker.class);

    private final Callbacks callbacks;
    private final GatewayConfig config;

    public MessageTaker(Callbacks callbacks, GatewayConfig config) {
        this.callbacks = callbacks;
        this.config = config;
    }

    /** Switches the call to taking a message for good, with an apology saying why. */
    public void enter(Turn turn, CallState state, String apology) {
        boolean wasTaking = state.mode() == CallState.Mode.MESSAGE_TAKING;
        state.mode(CallState.Mode.MESSAGE_TAKING);
        LOG.infof("call %s: message-taking mode", state.callId());
        speak(turn, state, apology, wasTaking);
    }

    /**
     * The model failed on this turn: this turn takes a step of the message (apology and first question, or the
     * caller's answer to the last one), but the call stays with the agent, which is tried again on the next turn.
     */
    public void coverTurn(Turn turn, CallState state, String apology) {
        LOG.infof("call %s: turn %d taken by the message flow", state.callId(), turn.responseId());
        if (state.message().stage() == Stage.NOT_STARTED) {
            speak(turn, state, apology, false);
        } else {
            handle(turn, state);
        }
    }

    private void speak(Turn turn, CallState state, String apology, boolean wasTaking) {
        MessageDraft draft = state.message();
        if (draft.stage() == Stage.NOT_STARTED) {
            state.message(draft.next(Stage.ASK_NAME));
            turn.finish(apology + Phrases.OFFER_MESSAGE + " May I have your name, please?");
        } else {
            turn.finish((wasTaking ? "" : apology + " ") + question(state, draft.stage()));
        }
    }

    /** One caller turn of the flow. */
    public void handle(Turn turn, CallState state) {
        MessageDraft draft = state.message();
        if (draft.stage() == Stage.NOT_STARTED) {
            enter(turn, state, Phrases.NO_MODEL);
            return;
        }
        if (turn.reminder()) {
            turn.finish("Are you still there? " + question(state, draft.stage()));
            return;
        }
        String said = state.lastUserText().trim();
        if (Farewell.isGoodbye(said)) {
            closeWithWhatWeHave(turn, state, draft);
            return;
        }
        switch (draft.stage()) {
            case ASK_NAME -> {
                String name = name(said);
                if (name.isEmpty()) {
                    turn.finish(question(state, Stage.ASK_NAME));
                    return;
                }
                Stage next = state.patientNumber() != null ? Stage.CONFIRM_NUMBER : Stage.ASK_NUMBER;
                state.message(draft.withName(name).next(next));
                turn.finish("Thank you, " + name + ". " + question(state, next));
            }
            case CONFIRM_NUMBER -> {
                String digits = digits(said);
                if (digits != null) {
                    state.message(draft.withPhone(digits).next(Stage.ASK_REASON));
                } else if (ConfirmationAnswer.classify(said, question(state, Stage.CONFIRM_NUMBER))
                        == ConfirmationAnswer.Verdict.CONFIRM) {
                    state.message(draft.withPhone(state.patientNumber()).next(Stage.ASK_REASON));
                } else {
                    state.message(draft.next(Stage.ASK_NUMBER));
                    turn.finish(question(state, Stage.ASK_NUMBER));
                    return;
                }
                turn.finish(question(state, Stage.ASK_REASON));
            }
            case ASK_NUMBER -> {
                String digits = digits(said);
                if (digits == null) {
                    turn.finish("Sorry, I didn't catch that. " + question(state, Stage.ASK_NUMBER));
                    return;
                }
                state.message(draft.withPhone(digits).next(Stage.ASK_REASON));
                turn.finish(question(state, Stage.ASK_REASON));
            }
            case ASK_REASON -> {
                MessageDraft complete = draft.withReason(said.isEmpty() ? "callback requested" : said).next(Stage.DONE);
                state.message(complete);
                boolean saved = save(state, complete);
                state.mode(CallState.Mode.CLOSED);
                turn.finish(new ToolResult.Closing(saved ? "Thank you, " + complete.name() + ". I've passed your "
                        + "message on to the team, and someone will call you back as soon as possible. Goodbye!"
                        : Phrases.MESSAGE_NOT_SAVED, true, null));
            }
            default -> turn.finish(new ToolResult.Closing(Phrases.goodbye(state), true, null));
        }
    }

    /** The caller is done: keep whatever of the message we have (a name or a number is worth a callback), hang up. */
    private void closeWithWhatWeHave(Turn turn, CallState state, MessageDraft draft) {
        state.mode(CallState.Mode.CLOSED);
        String phone = draft.phone() != null ? draft.phone() : state.patientNumber();
        if (draft.name() != null || draft.phone() != null) {
            MessageDraft complete = draft.withPhone(phone)
                    .withReason(draft.reason() != null ? draft.reason() : "callback requested").next(Stage.DONE);
            state.message(complete);
            boolean saved = save(state, complete);
            turn.finish(new ToolResult.Closing(saved ? "Thank you. I've passed your message on to the team. Goodbye!"
                    : Phrases.MESSAGE_NOT_SAVED, true, null));
            return;
        }
        turn.finish(new ToolResult.Closing(Phrases.goodbye(state), true, null));
    }

    /** True once the message is kept (in booking-api or in the outbox): only then is the caller told so. */
    private boolean save(CallState state, MessageDraft draft) {
        state.outcome(CallOutcome.message);
        Callbacks.Saved saved = callbacks.save(state,
                new LeadRequest(state.callId(), draft.name(), draft.phone(), draft.reason()),
                config.agent().toolTimeout());
        return saved == Callbacks.Saved.IN_BOOKING_API || saved == Callbacks.Saved.IN_OUTBOX;
    }

    private static String question(CallState state, Stage stage) {
        return switch (stage) {
            case ASK_NAME, NOT_STARTED -> "May I have your name, please?";
            case CONFIRM_NUMBER -> "Should we call you back at the number you're calling from?";
            case ASK_NUMBER -> "What's the best number to reach you?";
            case ASK_REASON -> "And what is the call about?";
            case DONE -> Phrases.goodbye(state);
        };
    }

    static String name(String said) {
        String s = said.replaceAll("(?i)^(hi|hello|hey|yes|yeah|sure|ok|okay)[,.! ]+", "")
                .replaceAll("(?i)^(my name is|my name's|name is|this is|it's|it is|i'm|i am|call me)\\s+", "")
                .replaceAll("[.!?,]+$", "").trim();
        if (s.length() > 80) {
            s = s.substring(0, 80);
        }
        return s;
    }

    static String digits(String said) {
        String d = said.replaceAll("[^0-9+]", "");
        long count = d.chars().filter(Character::isDigit).count();
        if (count < 7) {
            return null;
        }
        return d.startsWith("+") ? "+" + d.substring(1).replace("+", "") : d.replace("+", "");
    }

    static boolean empty(String s) {
        return s == null || s.trim().toLowerCase(Locale.ROOT).equals("(unintelligible audio)");
    }
}

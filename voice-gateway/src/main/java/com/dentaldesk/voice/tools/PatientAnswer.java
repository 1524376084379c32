package com.dentaldesk.voice.tools;

import java.util.Optional;

import com.dentaldesk.contracts.booking.ConfirmationAnswer;
import com.dentaldesk.voice.agent.CallState;
import com.dentaldesk.voice.agent.ConfirmationVisit;

/** The patient's answer in a confirmation call, reported to booking-api for the visit the call is about. */
final class PatientAnswer {

    private PatientAnswer() {
    }

    /**
     * Reports {@code answer}; empty when booking-api recorded it, else the refusal for the model (not a confirmation
     * call, or not recorded: then {@code ifNotRecorded} tells the model what to say instead).
     */
    static Optional<ToolResult> report(ToolContext context, String answer, String ifNotRecorded) {
        CallState state = context.state();
        ConfirmationVisit visit = state.confirmation();
        if (visit == null) {
            return Optional.of(ToolResult.refused(Spoken.status("NOT_A_CONFIRMATION_CALL").toString()));
        }
        boolean recorded = context.booking().answerConfirmation(state.clinicSlug(), visit.appointmentId(),
                new ConfirmationAnswer(state.callId(), answer)).success();
        return recorded ? Optional.empty()
                : Optional.of(ToolResult.refused(Spoken.status("NOT_RECORDED").put("instruction", ifNotRecorded)
                        .toString()));
    }
}

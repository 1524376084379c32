package com.dentaldesk.voice.tools;

import com.dentaldesk.contracts.booking.ErrorCode;
import com.dentaldesk.voice.agent.CallState;
import com.dentaldesk.voice.client.BookingOutcome;

/** How a refused write is explained to the model: a lost race becomes new options, never a vague error. */
final class WriteFailures {

    private WriteFailures() {
    }

    static ToolResult explain(CallState state, BookingOutcome outcome) {
        state.pending(null);
        if (outcome.is(ErrorCode.SLOT_TAKEN)) {
            state.offeredSlots(outcome.error().alternatives());
            var result = Spoken.status("SLOT_TAKEN");
            if (outcome.error().alternatives().isEmpty()) {
                return ToolResult.refused(result.put("instruction", "That time was just taken and nothing close is "
                        + "free. Apologise and ask for another day.").toString());
            }
            result.set("options", Spoken.slotOptions(outcome.error().alternatives()));
            return ToolResult.refused(result.put("instruction", "That time was just taken by someone else. "
                    + "Apologise and offer these options instead; nothing was booked.").toString());
        }
        if (outcome.is(ErrorCode.NOT_FOUND)) {
            return ToolResult.refused(Spoken.status("NOT_FOUND")
                    .put("instruction", "That record no longer exists. Tell the caller and offer to search again.")
                    .toString());
        }
        var result = Spoken.status("ASK_USER");
        var missing = result.putArray("missing");
        outcome.error().missing().forEach(missing::add);
        return ToolResult.refused(result.put("instruction", "Nothing was changed. Ask the caller for the missing "
                + "or corrected details.").toString());
    }
}

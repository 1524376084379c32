package com.dentaldesk.voice.agent;

import java.util.Locale;
import java.util.regex.Pattern;

import com.dentaldesk.voice.speech.ConfirmationAnswer;

/**
 * Whether the caller is ending the call ("that's all, goodbye", "no that's it, thanks"). In the message flow a
 * goodbye must end the call, not earn another question. "That's it" can also be a yes ("yes, that's it" to "should
 * we call you back at this number?"), so without a bye word it counts only when it is not a confirmation.
 */
final class Farewell {

    private static final Pattern BYE = Pattern.compile(
            "\\b(good ?bye|bye|bye bye|have a (good|nice) (day|one)|talk (to you )?later)\\b");
    private static final Pattern DONE = Pattern.compile(
            "\\b(that'?s all|that is all|that'?s it|that is it|nothing else|i'?m done)\\b");

    private Farewell() {
    }

    static boolean isGoodbye(String callerText) {
        if (callerText == null) {
            return false;
        }
        String text = callerText.toLowerCase(Locale.ROOT).replace('’', '\'');
        if (BYE.matcher(text).find()) {
            return true;
        }
        return DONE.matcher(text).find() && ConfirmationAnswer.classify(callerText) != ConfirmationAnswer.Verdict.CONFIRM;
    }
}

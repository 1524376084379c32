package com.dentaldesk.voice.agent;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether the caller is ending the call ("that's all, goodbye", "no that's it, thanks"). In the message flow a
 * goodbye must end the call, not earn another question.
 */
final class Farewell {

    private static final Pattern GOODBYE = Pattern.compile(
            "\\b(good ?bye|bye|bye bye|that'?s all|that is all|that'?s it|that is it|nothing else|i'?m done|"
                    + "have a (good|nice) (day|one)|talk (to you )?later)\\b");

    private Farewell() {
    }

    static boolean isGoodbye(String callerText) {
        if (callerText == null) {
            return false;
        }
        return GOODBYE.matcher(callerText.toLowerCase(Locale.ROOT).replace('’', '\'')).find();
    }
}

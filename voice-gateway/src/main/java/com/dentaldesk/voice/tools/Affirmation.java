package com.dentaldesk.voice.tools;

import java.util.Locale;
import java.util.regex.Pattern;

/** Whether the caller's words are a clear "yes". Anything hedged or negative is not a confirmation. */
public final class Affirmation {

    private static final Pattern YES = Pattern.compile(
            "\\b(yes|yeah|yep|yup|ya|sure|correct|right|ok|okay|please do|go ahead|sounds good|that works|perfect|"
                    + "absolutely|definitely|confirm|confirmed|book it|do it|great|fine)\\b");
    private static final Pattern NO = Pattern.compile(
            "\\b(no|nope|not|don't|dont|do not|wait|hold on|actually|cancel that|different|instead|rather)\\b");

    private Affirmation() {
    }

    public static boolean isYes(String text) {
        if (text == null) {
            return false;
        }
        String t = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        return YES.matcher(t).find() && !NO.matcher(t).find();
    }
}

package com.dentaldesk.booking.console;

import io.quarkus.qute.TemplateData;

/**
 * A phone number as the console shows it: masked to its last four digits by default; {@code full} only for a
 * reveal the user asks for ({@code tags/revealPhone.html}). {@code full} is null when the number is unknown.
 */
@TemplateData
public record MaskedPhone(String masked, String full) {

    public static MaskedPhone of(String phone) {
        if (phone == null || phone.isBlank()) {
            return new MaskedPhone("unknown", null);
        }
        String digits = phone.replaceAll("\\D", "");
        return new MaskedPhone(digits.length() <= 4 ? "••••" : "•••• " + digits.substring(digits.length() - 4),
                phone);
    }
}

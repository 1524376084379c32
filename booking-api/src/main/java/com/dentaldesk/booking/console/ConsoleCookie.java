package com.dentaldesk.booking.console;

import jakarta.ws.rs.core.NewCookie;

/**
 * The console's session cookie: HttpOnly (no script reads it), Secure (HTTPS only; browsers also accept it on
 * http://localhost), SameSite=Strict (never sent with a request another site starts), and scoped to /console.
 */
public final class ConsoleCookie {

    public static final String NAME = "dd_console";

    private ConsoleCookie() {
    }

    public static NewCookie issue(String token) {
        return build(token, (int) ConsoleSessions.LIFETIME.toSeconds());
    }

    /** Tells the browser to forget the cookie. */
    public static NewCookie cleared() {
        return build("", 0);
    }

    private static NewCookie build(String value, int maxAge) {
        return new NewCookie.Builder(NAME).value(value).path(Console.ROOT).maxAge(maxAge).httpOnly(true)
                .secure(true).sameSite(NewCookie.SameSite.STRICT).build();
    }
}

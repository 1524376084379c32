package com.dentaldesk.booking.console;

/** Something to pick in a form's list (a provider, a room): its id and the name shown. */
public record Choice(long id, String name) {
}

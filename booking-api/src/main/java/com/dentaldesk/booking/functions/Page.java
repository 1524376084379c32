package com.dentaldesk.booking.functions;

import java.util.List;

/** One page of a longer answer; {@code next} (null on the last page) is what the client sends back for more. */
public record Page<T>(List<T> items, String next) {
}

package com.dentaldesk.booking.functions;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.time.ClinicTime;

/**
 * Reads a function's parameters by their OpenDental names (case-insensitively, so {@code dateStart} and
 * {@code DateStart} both work) and collects every missing field, so the agent can ask for all at once.
 */
public final class Params {

    /** The longest text any parameter may hold (a note included); longer is a 422, not a row of 100,000 chars. */
    public static final int MAX_TEXT = 2_000;

    private final Map<String, Object> byLowerName = new HashMap<>();
    private final List<String> missing = new ArrayList<>();

    public Params(Map<String, Object> raw) {
        raw.forEach((name, value) -> {
            if (value != null && !(value instanceof String s && s.isBlank())) {
                byLowerName.put(name.toLowerCase(Locale.ROOT), value);
            }
        });
    }

    public boolean has(String name) {
        return byLowerName.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** Throws 422 ASK_USER naming every required field that was absent. Call before using required values. */
    public void requireAll() {
        if (!missing.isEmpty()) {
            throw BookingException.missing(List.copyOf(missing));
        }
    }

    public String requiredString(String name) {
        return optionalString(name).orElseGet(() -> markMissing(name, null));
    }

    public Optional<String> optionalString(String name) {
        return Optional.ofNullable(byLowerName.get(name.toLowerCase(Locale.ROOT))).map(v -> {
            String text = v.toString().trim();
            if (text.length() > MAX_TEXT) {
                throw BookingException.invalid(name, name + " is longer than " + MAX_TEXT + " characters");
            }
            return text;
        });
    }

    public long requiredLong(String name) {
        return optionalLong(name).orElseGet(() -> markMissing(name, 0L));
    }

    public Optional<Long> optionalLong(String name) {
        Object value = byLowerName.get(name.toLowerCase(Locale.ROOT));
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return Optional.of(((Number) value).longValue());
        }
        // Text, a fraction or a JSON number beyond 64 bits: exactly a whole number in range, or refused.
        try {
            return Optional.of(new java.math.BigDecimal(value.toString().trim()).longValueExact());
        } catch (NumberFormatException e) {
            throw BookingException.invalid(name, name + " must be a number");
        } catch (ArithmeticException e) {
            throw BookingException.invalid(name, name + " must be a whole number in range");
        }
    }

    public Optional<Integer> optionalInt(String name) {
        return optionalLong(name).map(value -> {
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw BookingException.invalid(name, name + " is out of range");
            }
            return value.intValue();
        });
    }

    public Optional<Boolean> optionalBoolean(String name) {
        return optionalString(name).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw BookingException.invalid(name, name + " must be true or false");
        });
    }

    public LocalDate requiredDate(String name) {
        return optionalDate(name).orElseGet(() -> markMissing(name, null));
    }

    /** A calendar date as {@code YYYY-MM-DD}; an impossible date such as 2026-02-30 is a 422. */
    public Optional<LocalDate> optionalDate(String name) {
        return optionalString(name).map(v -> {
            try {
                return ClinicTime.checkYear(name, LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v));
            } catch (DateTimeParseException e) {
                throw BookingException.invalid(name, name + " must be a real date as YYYY-MM-DD");
            }
        });
    }

    public LocalTime requiredTime(String name) {
        return optionalTime(name).orElseGet(() -> markMissing(name, null));
    }

    public Optional<LocalTime> optionalTime(String name) {
        return optionalString(name).map(v -> {
            try {
                return LocalTime.parse(v);
            } catch (DateTimeParseException e) {
                throw BookingException.invalid(name, name + " must be a time as HH:mm or HH:mm:ss");
            }
        });
    }

    private <T> T markMissing(String name, T placeholder) {
        missing.add(name);
        return placeholder;
    }
}

package com.dentaldesk.booking.patients;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.dentaldesk.booking.config.BookingConfig;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Turns any common way of writing a phone number into E.164, the only form we store and match on. */
@ApplicationScoped
public class PhoneNumbers {

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    public PhoneNumbers(BookingConfig config) {
        this.defaultRegion = config.defaultPhoneRegion();
    }

    public Optional<String> normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = util.parse(raw, defaultRegion);
            if (!util.isPossibleNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}

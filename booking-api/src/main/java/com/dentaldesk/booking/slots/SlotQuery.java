package com.dentaldesk.booking.slots;

import java.time.LocalDate;
import java.util.Optional;

/** What free time to look for; {@code ignoreAppointment} lets a reschedule see its own time as free. */
public record SlotQuery(LocalDate from, LocalDate to, Optional<Long> provNum, Optional<Long> opNum,
        int lengthMinutes, Optional<Long> patNum, Optional<Long> ignoreAppointment) {
}

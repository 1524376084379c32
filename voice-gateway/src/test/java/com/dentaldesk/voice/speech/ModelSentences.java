package com.dentaldesk.voice.speech;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * Sentences a model says, with what they claim: NONE, or the kind followed by the facts stated (weekday, relative
 * day, month-day, time, provider, ELSE for someone else's appointment). Shared by the detector's and the stream
 * filter's tests, so every claim the detector knows is also checked through the stream.
 */
final class ModelSentences {

    record Row(String sentence, String claim) {
        boolean isClaim() {
            return !claim.equals("NONE");
        }
    }

    static final List<Row> ROWS = List.of(
            // claims, in the many ways a model says it
            row("You're booked for Tuesday at 9.", "BOOKED TUESDAY 09:00"),
            row("you're booked", "BOOKED"),
            row("You are all set for Tuesday.", "BOOKED TUESDAY"),
            row("All set for Tuesday at 9!", "BOOKED TUESDAY 09:00"),
            row("I've scheduled your cleaning for Tuesday, December 1 at 9:00 AM.", "BOOKED TUESDAY DECEMBER-1 09:00"),
            row("Confirmed: Tuesday at 9 with Dr. Patel.", "BOOKED TUESDAY 09:00 Patel"),
            row("Your appointment is confirmed, you can arrive 10 minutes early.", "BOOKED"),
            row("You're booked for Tuesday at 9, right?", "BOOKED TUESDAY 09:00"),
            row("You're booked for Tuesday at 9, is that alright?", "BOOKED TUESDAY 09:00"),
            row("Everything's confirmed for Tuesday, okay?", "BOOKED TUESDAY"),
            row("You're booked for Tuesday at 9?", "BOOKED TUESDAY 09:00"),
            row("I went ahead and booked that.", "BOOKED"),
            row("Done! See you Tuesday at 9.", "BOOKED TUESDAY 09:00"),
            row("I've got you down for Wednesday at 2:30 PM.", "BOOKED WEDNESDAY 14:30"),
            row("You're in for Tuesday.", "BOOKED TUESDAY"),
            row("That's locked in.", "DONE"),
            row("Consider it done.", "DONE"),
            row("Okay, you're all set.", "DONE"),
            row("That's taken care of.", "DONE"),
            row("Done!", "DONE"),
            row("We'll see you on Tuesday at 9.", "BOOKED TUESDAY 09:00"),
            row("Great news, you're all set for tomorrow at noon with Doctor Patel.", "BOOKED TOMORROW 12:00 Patel"),
            row("Perfect, I've booked you with Dr. Patel on Dec 1st at nine thirty.", "BOOKED DECEMBER-1 09:30 Patel"),
            row("Your cleaning is scheduled for the 1st at 9 am.", "BOOKED 1 09:00"),
            row("You're good to go for Tuesday at 9.", "BOOKED TUESDAY 09:00"),
            row("I've penciled you in for Monday at 8.", "BOOKED MONDAY 08:00"),
            row("Your appointment is booked for December 1st at 9.", "BOOKED DECEMBER-1 09:00"),
            row("Booked! Tuesday at 9 with Dr. Patel.", "BOOKED TUESDAY 09:00 Patel"),
            row("You'll be all set for Tuesday at 9.", "BOOKED TUESDAY 09:00"),
            row("I was able to get you booked for Thursday.", "BOOKED THURSDAY"),
            row("We look forward to seeing you Tuesday at 9.", "BOOKED TUESDAY 09:00"),
            row("I've reserved Tuesday at 9 for you.", "BOOKED TUESDAY 09:00"),
            row("Your appointment is all set with Dr. Patel.", "BOOKED Patel"),
            row("Your booking is complete.", "BOOKED"),
            row("It's done, see you then!", "BOOKED"),
            row("Tuesday at 9 with Dr. Patel is confirmed.", "BOOKED TUESDAY 09:00 Patel"),
            row("I see you're booked for Tuesday at 9 already.", "BOOKED TUESDAY 09:00"),
            row("I’ve booked you for Tuesday at 9:30 a.m. with Dr. Patel, and you’ll get a text reminder.", "BOOKED TUESDAY 09:30 Patel"),
            row("Alright, so I have you down for Tuesday at 9.", "BOOKED TUESDAY 09:00"),
            row("No problem, your appointment has been moved to 10:30.", "MOVED 10:30"),
            row("I've moved your appointment to Thursday at 10:30 a.m.", "MOVED THURSDAY 10:30"),
            row("Your appointment has been rescheduled.", "MOVED"),
            row("I've moved you from Tuesday at 9 to Wednesday at 10.", "MOVED WEDNESDAY 10:00"),
            row("Your Tuesday appointment is now on Friday at 11.", "MOVED FRIDAY 11:00"),
            row("I've changed your appointment to Wednesday at 9.", "MOVED WEDNESDAY 09:00"),
            row("I cancelled it.", "CANCELLED"),
            row("It's been cancelled.", "CANCELLED"),
            row("Okay, that's cancelled for you.", "CANCELLED"),
            row("I've cancelled your appointment on Tuesday, December 1.", "CANCELLED TUESDAY DECEMBER-1"),
            row("Your appointment for Tuesday at 9 has been cancelled.", "CANCELLED TUESDAY 09:00"),
            row("Alright, Jordan, you're all booked!", "BOOKED"),
            row("Your appointment's been made for Tuesday at 9.", "BOOKED TUESDAY 09:00"),
            row("I've gone ahead and set that up for Tuesday at 9.", "BOOKED TUESDAY 09:00"),
            row("Got it, Tuesday at 9 it is.", "BOOKED TUESDAY 09:00"),
            row("So that's Tuesday at 9 with Dr. Patel, all confirmed.", "BOOKED TUESDAY 09:00 Patel"),
            row("Great, that's been scheduled.", "BOOKED"),
            row("Your cleaning's on the books for Tuesday.", "BOOKED TUESDAY"),
            row("You're on the schedule for Tuesday at 9.", "BOOKED TUESDAY 09:00"),
            row("Your visit has been set for Tuesday.", "BOOKED TUESDAY"),
            row("We have you coming in Tuesday at 9.", "BOOKED TUESDAY 09:00"),
            row("You're confirmed for Tuesday at 9 a.m.", "BOOKED TUESDAY 09:00"),
            row("Your spot is saved for Tuesday at 9.", "BOOKED TUESDAY 09:00"),
            row("Perfect, we're all set then.", "DONE"),
            row("You now have an appointment on Tuesday at 9.", "BOOKED TUESDAY 09:00"),
            row("Appointment booked: Tuesday, December 1, 9:00 AM, Dr. Patel.", "BOOKED TUESDAY DECEMBER-1 09:00 Patel"),
            row("The appointment has been created.", "BOOKED"),
            row("We've got you for Tuesday at 9.", "BOOKED TUESDAY 09:00"),
            row("Your appointment is Tuesday at 9 with Dr. Patel.", "BOOKED TUESDAY 09:00 Patel"),
            row("Your reschedule is complete.", "MOVED"),
            row("Your Tuesday appointment has been cancelled and you're rebooked for Wednesday.", "CANCELLED TUESDAY"),
            // claims about someone else's appointment
            row("Your son is booked too.", "BOOKED ELSE"),
            row("She's all set for Tuesday.", "BOOKED TUESDAY ELSE"),
            row("Jordan's mom is booked for Wednesday at 3.", "BOOKED WEDNESDAY 15:00 ELSE"),
            row("I've booked him in for Tuesday at 4 pm.", "BOOKED TUESDAY 16:00 ELSE"),
            row("You and your daughter are both booked for Tuesday.", "BOOKED TUESDAY ELSE"),
            // offers, questions, future, conditional and negative sentences: not claims
            row("Shall I book Tuesday at 9?", "NONE"),
            row("Would you like me to book it?", "NONE"),
            row("Do you want me to cancel?", "NONE"),
            row("Shall I move your appointment to Wednesday at 10?", "NONE"),
            row("Would you like me to cancel your Tuesday appointment?", "NONE"),
            row("I can book that for you.", "NONE"),
            row("I can move it to Thursday at 2 if you like.", "NONE"),
            row("Once you confirm, I'll book it.", "NONE"),
            row("Once you say yes, you're all set.", "NONE"),
            row("If that works, I'll get you scheduled for Tuesday at 9.", "NONE"),
            row("I haven't booked anything yet.", "NONE"),
            row("It's not booked yet.", "NONE"),
            row("Nothing has been booked yet.", "NONE"),
            row("Your appointment isn't confirmed until you say yes.", "NONE"),
            row("Before I book it, do you have insurance?", "NONE"),
            row("I'll cancel it if you want.", "NONE"),
            row("Let me get that booked for you.", "NONE"),
            row("To get you booked, I need your full name.", "NONE"),
            row("I'm happy to get you scheduled for Tuesday.", "NONE"),
            row("I'm going to book that now.", "NONE"),
            row("Were you booked with us before?", "NONE"),
            row("Just to confirm, that's Tuesday at 9 with Dr. Patel?", "NONE"),
            row("I have Tuesday at 9:00 AM or 10:30 AM with Dr. Patel.", "NONE"),
            row("Tuesday at 9 is open.", "NONE"),
            row("The earliest I have is Tuesday, December 1 at 9:00 AM with Dr. Patel.", "NONE"),
            row("Dr. Patel can see you Tuesday at 9.", "NONE"),
            row("Great, let me check Tuesday for you.", "NONE"),
            row("We're open Monday to Friday.", "NONE"),
            row("Our office is closed on Sunday.", "NONE"),
            row("Dr. Patel is booked solid on Tuesday.", "NONE"),
            row("We're fully booked on Friday, but I have Monday at 8.", "NONE"),
            row("Sorry, that slot was just booked by someone else.", "NONE"),
            row("Tuesday at 9 is already booked, but 10 is free.", "NONE"),
            row("Can you confirm your date of birth?", "NONE"),
            row("Your date of birth is confirmed, thanks.", "NONE"),
            row("See you soon!", "NONE"),
            row("Is there anything else I can help with?", "NONE"),
            row("You have a cleaning with Dr. Patel on Tuesday at 9.", "NONE"),
            row("Okay, I'll go ahead and book that for you now.", "NONE"),
            row("I'm booking that for you now.", "NONE"),
            row("I can't book that without your date of birth.", "NONE"),
            row("That slot just got booked, sorry.", "NONE"),
            row("Dr. Patel's schedule is pretty booked this week.", "NONE"),
            row("We don't have anything booked for you yet.", "NONE"),
            row("I don't see any appointment booked under your name.", "NONE"),
            row("Just so you know, your appointment isn't booked until you confirm.", "NONE"),
            row("Shall I go ahead and cancel your Tuesday appointment?", "NONE"),
            row("Is Saturday open? It is.", "NONE"));

    private ModelSentences() {
    }

    static Stream<Arguments> all() {
        return ROWS.stream().map(r -> Arguments.of(r.sentence(), r.claim()));
    }

    static Stream<String> claims() {
        return ROWS.stream().filter(Row::isClaim).map(Row::sentence);
    }

    static Stream<String> nonClaims() {
        return ROWS.stream().filter(r -> !r.isClaim()).map(Row::sentence);
    }

    private static Row row(String sentence, String claim) {
        return new Row(sentence, claim);
    }
}

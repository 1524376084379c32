package com.dentaldesk.booking.staff;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.dentaldesk.booking.config.BookingConfig;
import com.dentaldesk.booking.staff.StaffAccounts.OneTimeLink;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;

/**
 * Mails a one-time link to its person when the deployment has mail ({@code BOOKING_MAIL_FROM} and Quarkus' SMTP
 * settings, with {@code BOOKING_API_PUBLIC_URL} for the link: a startup check requires it); without it links are only
 * shown to whoever made them. Sending never holds up the page: a failure is
 * logged (without the address) and the link still works when handed over another way.
 */
@ApplicationScoped
public class LinkMail {

    private static final Logger LOG = Logger.getLogger(LinkMail.class);
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("EEE d MMM yyyy, h:mm a z", Locale.US);

    /** Why the link was made: its subject and first line. */
    public enum Purpose {
        SETUP("Set up DentalDesk for %s", "Your clinic %s is ready on DentalDesk. Choose your password to sign in as its owner:"),
        INVITATION("You are invited to %s on DentalDesk", "You are invited to the DentalDesk console of %s. Choose your password to sign in:"),
        RESET("Your new DentalDesk password link for %s", "Here is a link to choose a new password for %s. If you did not ask for it, ignore this mail:");

        private final String subject;
        private final String opening;

        Purpose(String subject, String opening) {
            this.subject = subject;
            this.opening = opening;
        }
    }

    private final ReactiveMailer mailer;
    private final BookingConfig config;
    private final LinkAddresses addresses;

    public LinkMail(ReactiveMailer mailer, BookingConfig config, LinkAddresses addresses) {
        this.mailer = mailer;
        this.config = config;
        this.addresses = addresses;
    }

    public boolean enabled() {
        return config.mail().from().filter(from -> !from.isBlank()).isPresent();
    }

    /** Sends the link to its person when mail is configured; returns whether it was handed to the mailer. */
    public boolean send(Purpose purpose, OneTimeLink link, String clinicName, ZoneId zone) {
        Optional<String> url = addresses.mailed(link);
        if (!enabled() || url.isEmpty()) {
            return false;
        }
        StaffMember member = link.member();
        String text = "Hello " + member.displayName + ",\n\n" + purpose.opening.formatted(clinicName) + "\n\n"
                + url.get() + "\n\nThe link works once, until " + UNTIL.format(link.expiresAt().atZone(zone))
                + ".\n\nDentalDesk\n";
        Mail mail = Mail.withText(member.email, purpose.subject.formatted(clinicName), text)
                .setFrom(config.mail().from().orElseThrow());
        mailer.send(mail).subscribe().with(sent -> LOG.debugf("%s mail sent", purpose),
                failure -> LOG.warnf("%s mail could not be sent (%s); the link is still valid", purpose,
                        failure.getClass().getSimpleName()));
        return true;
    }
}

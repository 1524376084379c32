package com.dentaldesk.booking.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.dentaldesk.booking.crypto.RandomTokens;
import com.dentaldesk.booking.crypto.Sha256;
import com.dentaldesk.booking.staff.StaffAccounts;
import com.dentaldesk.booking.staff.StaffMember;
import com.dentaldesk.booking.tenancy.Organization;
import com.dentaldesk.booking.tenancy.OrganizationRepository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Console sign-in: a person's email and password open an 8-hour session in their clinic. The browser gets
 * a random 256-bit token; only its SHA-256 is stored. Every method runs in its own transaction, before the request
 * acts for a clinic (like the API's key lookup), so no Hibernate session opened here is reused for clinic data.
 */
@ApplicationScoped
public class ConsoleSessions implements PanacheRepository<ConsoleSession> {

    static final Duration LIFETIME = Duration.ofHours(8);
    private static final Logger LOG = Logger.getLogger(ConsoleSessions.class);

    /** Who a live session is: their clinic and their account. */
    public record SignedIn(Organization clinic, StaffMember member) {
    }

    private final OrganizationRepository organizations;
    private final StaffAccounts staff;
    private final Clock clock;

    public ConsoleSessions(OrganizationRepository organizations, StaffAccounts staff, Clock clock) {
        this.organizations = organizations;
        this.staff = staff;
        this.clock = clock;
    }

    /** A new session token when the email and password are an active account's; empty otherwise. */
    public Optional<String> signIn(String email, String password) {
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> staff.authenticate(email, password)).map(this::open);
    }

    /** A session for a person who has just proven who they are (a password set through their link). */
    public String open(StaffMember member) {
        return QuarkusTransaction.requiringNew().call(() -> {
            String token = RandomTokens.random256();
            ConsoleSession session = new ConsoleSession();
            session.organizationId = member.organizationId;
            session.staffMemberId = member.id;
            session.tokenHash = Sha256.hex(token);
            session.createdAt = clock.instant();
            session.expiresAt = session.createdAt.plus(LIFETIME);
            persist(session);
            return token;
        });
    }

    /** The person of a live session: not expired, and their account not disabled. */
    public Optional<SignedIn> signedIn(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> find("tokenHash = ?1 and expiresAt > ?2",
                Sha256.hex(token), clock.instant()).firstResultOptional()
                .map(session -> staff.findById(session.staffMemberId))
                .filter(StaffMember::active)
                .map(member -> new SignedIn(organizations.findById(member.organizationId), member)));
    }

    /** Ends the session of this token (sign-out); an unknown token is already signed out. */
    public void signOut(String token) {
        if (token != null && !token.isBlank()) {
            QuarkusTransaction.requiringNew().run(() -> delete("tokenHash", Sha256.hex(token)));
        }
    }

    @Scheduled(every = "1h", delayed = "2m")
    void purgeExpired() {
        Instant now = clock.instant();
        long purged = QuarkusTransaction.requiringNew().call(() -> delete("expiresAt <= ?1", now));
        LOG.debugf("Purged %d expired console sessions", purged);
    }
}

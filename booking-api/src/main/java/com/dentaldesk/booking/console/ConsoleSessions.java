package com.dentaldesk.booking.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.dentaldesk.booking.crypto.RandomTokens;
import com.dentaldesk.booking.crypto.Sha256;
import com.dentaldesk.booking.tenancy.ApiKeys;
import com.dentaldesk.booking.tenancy.Organization;
import com.dentaldesk.booking.tenancy.OrganizationRepository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Console sign-in: a clinic slug plus one of that clinic's active API keys opens an 8-hour session. The browser gets
 * a random 256-bit token; only its SHA-256 is stored. Every method runs in its own transaction, before the request
 * acts for a clinic (like the API's key lookup), so no Hibernate session opened here is reused for clinic data.
 */
@ApplicationScoped
public class ConsoleSessions implements PanacheRepository<ConsoleSession> {

    static final Duration LIFETIME = Duration.ofHours(8);
    private static final Logger LOG = Logger.getLogger(ConsoleSessions.class);

    private final OrganizationRepository organizations;
    private final ApiKeys apiKeys;
    private final Clock clock;

    public ConsoleSessions(OrganizationRepository organizations, ApiKeys apiKeys, Clock clock) {
        this.organizations = organizations;
        this.apiKeys = apiKeys;
        this.clock = clock;
    }

    /** A new session token when the key is an active key of the clinic with this slug; empty otherwise. */
    public Optional<String> signIn(String slug, String apiKey) {
        if (slug == null || slug.isBlank() || apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> organizations.findBySlug(slug.trim().toLowerCase())
                .flatMap(clinic -> apiKeys.findActive(apiKey.trim())
                        .filter(key -> key.organizationId.equals(clinic.id))
                        .map(key -> open(clinic.id, key.id))));
    }

    /** The clinic of a live session: not expired, and the key it was opened with is still active. */
    public Optional<Organization> clinicOf(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> find("from ConsoleSession s where s.tokenHash = ?1"
                + " and s.expiresAt > ?2 and exists (select k.id from ApiKey k where k.id = s.apiKeyId"
                + " and k.revokedAt is null)", Sha256.hex(token), clock.instant()).firstResultOptional()
                .map(session -> organizations.findById(session.organizationId)));
    }

    /** Ends the session of this token (sign-out); an unknown token is already signed out. */
    public void signOut(String token) {
        if (token != null && !token.isBlank()) {
            QuarkusTransaction.requiringNew().run(() -> delete("tokenHash", Sha256.hex(token)));
        }
    }

    private String open(long organizationId, long apiKeyId) {
        String token = RandomTokens.random256();
        ConsoleSession session = new ConsoleSession();
        session.organizationId = organizationId;
        session.apiKeyId = apiKeyId;
        session.tokenHash = Sha256.hex(token);
        session.createdAt = clock.instant();
        session.expiresAt = session.createdAt.plus(LIFETIME);
        persist(session);
        return token;
    }

    @Scheduled(every = "1h", delayed = "2m")
    void purgeExpired() {
        Instant now = clock.instant();
        long purged = QuarkusTransaction.requiringNew().call(() -> delete("expiresAt <= ?1", now));
        LOG.debugf("Purged %d expired console sessions", purged);
    }
}

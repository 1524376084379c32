package com.dentaldesk.booking.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.dentaldesk.booking.crypto.RandomTokens;
import com.dentaldesk.booking.crypto.Sha256;
import com.dentaldesk.booking.errors.BookingException;
import com.dentaldesk.booking.errors.UniqueValues;
import com.dentaldesk.booking.input.ControlCharacters;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/**
 * People's console accounts and the one-time links that set their passwords. Accounts are created without a
 * password: the owner's from onboarding, everyone else's by the owner's invitation; each person then sets their
 * own through a link that works once and expires. These tables are read before a clinic is known, so every query
 * here names its clinic itself.
 */
@ApplicationScoped
@Transactional
public class StaffAccounts implements PanacheRepository<StaffMember> {

    static final Duration INVITATION_LIFETIME = Duration.ofDays(7);
    static final Duration RESET_LIFETIME = Duration.ofHours(24);
    static final int MAX_NAME = 120;
    private static final List<String> ALL_PURPOSES = List.of("setup", "invitation", "reset");

    /** A link's token (shown once, never stored) and when it stops working. */
    public record OneTimeLink(StaffMember member, String token, Instant expiresAt) {
        public String path() {
            return "/console/welcome?token=" + token;
        }
    }

    /** What the set-password page shows for a live link. */
    public record PendingLink(String email, String displayName, String purpose, long organizationId) {
    }

    private final Passwords passwords;
    private final Clock clock;

    public StaffAccounts(Passwords passwords, Clock clock) {
        this.passwords = passwords;
        this.clock = clock;
    }

    /** The first owner of a new clinic, with the setup link that lets them choose a password. */
    public OneTimeLink createOwner(long organizationId, String email, String displayName) {
        StaffMember owner = create(organizationId, email, displayName, StaffRole.OWNER);
        return link(owner, "setup", INVITATION_LIFETIME, ALL_PURPOSES);
    }

    /** A new setup link for an owner (the operator's, for one who missed theirs); older links stop working. */
    public OneTimeLink setupLink(StaffMember owner) {
        return link(owner, "setup", INVITATION_LIFETIME, ALL_PURPOSES);
    }

    /** A colleague invited by the owner; they choose their password through the link. */
    public OneTimeLink invite(long organizationId, String email, String displayName, StaffRole role) {
        StaffMember member = create(organizationId, email, displayName, role);
        return link(member, "invitation", INVITATION_LIFETIME, ALL_PURPOSES);
    }

    /**
     * An account with this password, made or brought up to date: the local demo's owners, whose password lives in
     * the local run's secrets file (a password changed there works after the next start, the old one no longer).
     */
    public StaffMember ensure(long organizationId, String email, String displayName, StaffRole role,
            String password) {
        StaffMember member = find("email", normalEmail(email)).firstResultOptional()
                .orElseGet(() -> create(organizationId, email, displayName, role));
        if (member.organizationId != organizationId) {
            throw new IllegalStateException("The account " + member.email + " belongs to another clinic");
        }
        if (!passwords.matches(password, member.passwordHash)) {
            passwords.check(password, member.email);
            member.passwordHash = passwords.hash(password);
        }
        member.disabledAt = null;
        return member;
    }

    /** A new password link for a member of this clinic (forgotten password); older links of theirs stop working. */
    public OneTimeLink resetLink(long organizationId, long memberId) {
        StaffMember member = ofClinic(organizationId, memberId);
        if (!member.active()) {
            throw BookingException.invalid("member", member.displayName + " is disabled; enable them first.");
        }
        return link(member, "reset", RESET_LIFETIME, ALL_PURPOSES);
    }

    /**
     * A password link for the active account with this email (a person who forgot theirs); empty when none. Only
     * older reset links end with it: anyone may ask, so asking must not cancel someone's pending invitation.
     */
    public Optional<OneTimeLink> resetLinkFor(String email) {
        return find("email = ?1 and disabledAt is null", normalEmail(email)).firstResultOptional()
                .map(member -> link(member, "reset", RESET_LIFETIME, List.of("reset")));
    }

    /** The account of a live link: unused, unexpired, and its person not disabled. */
    public Optional<PendingLink> pending(String token) {
        return liveLink(token, LockModeType.NONE).map(link -> {
            StaffMember member = findById(link.staffMemberId);
            return new PendingLink(member.email, member.displayName, link.purpose, member.organizationId);
        });
    }

    /**
     * Sets the password of the link's person and uses the link up (with every other link of theirs). Empty when the
     * link is not live; a password that breaks a rule is a 422 and leaves the link usable.
     */
    public Optional<StaffMember> setPassword(String token, String password) {
        // Locked: of two forms sent with one link at once, the second waits and then finds the link used.
        Optional<StaffLink> live = liveLink(token, LockModeType.PESSIMISTIC_WRITE);
        if (live.isEmpty()) {
            return Optional.empty();
        }
        StaffMember member = findById(live.get().staffMemberId);
        passwords.check(password, member.email);
        member.passwordHash = passwords.hash(password);
        endLinks(member, ALL_PURPOSES);
        // A new password ends every session of the old one (someone who knew it is signed out).
        endSessions(member);
        return Optional.of(member);
    }

    /** The active account with this email and password; empty for anything else, in about the same time. */
    public Optional<StaffMember> authenticate(String email, String password) {
        Optional<StaffMember> member = find("email = ?1 and disabledAt is null", normalEmail(email))
                .firstResultOptional();
        boolean matches = passwords.matches(password, member.map(m -> m.passwordHash).orElse(null));
        return matches ? member : Optional.empty();
    }

    public List<StaffMember> ofClinic(long organizationId) {
        return list("organizationId = ?1 order by disabledAt nulls first, displayName, id", organizationId);
    }

    public StaffMember ofClinic(long organizationId, long memberId) {
        return find("id = ?1 and organizationId = ?2", memberId, organizationId).firstResultOptional()
                .orElseThrow(() -> BookingException.notFound("Staff member " + memberId));
    }

    /**
     * Takes a person's access away (their sessions end, and stay ended if they are enabled again) or gives it back.
     * Nobody disables themselves, and a clinic always keeps an active owner: the clinic's owners are locked first, so
     * two owners disabling each other at once take turns and the second is refused.
     */
    public StaffMember setActive(long organizationId, long memberId, boolean active, long actingMemberId) {
        List<StaffMember> activeOwners = getEntityManager().createQuery("from StaffMember m where"
                + " m.organizationId = ?1 and m.role = ?2 and m.disabledAt is null", StaffMember.class)
                .setParameter(1, organizationId).setParameter(2, StaffRole.OWNER.stored())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        StaffMember member = ofClinic(organizationId, memberId);
        if (!active && member.id == actingMemberId) {
            throw BookingException.invalid("member", "You cannot disable your own account.");
        }
        if (!active && activeOwners.stream().noneMatch(owner -> owner.id != memberId
                && owner.id == actingMemberId)) {
            throw BookingException.invalid("member", "Only an active owner can disable an account.");
        }
        if (!active && member.disabledAt == null) {
            member.disabledAt = clock.instant();
            endSessions(member);
        } else if (active) {
            member.disabledAt = null;
        }
        return member;
    }

    /** The member's unused links of these purposes stop working. */
    private void endLinks(StaffMember member, List<String> purposes) {
        getEntityManager().createQuery("update StaffLink l set l.usedAt = ?1 where l.staffMemberId = ?2"
                + " and l.usedAt is null and l.purpose in ?3").setParameter(1, clock.instant())
                .setParameter(2, member.id).setParameter(3, purposes).executeUpdate();
    }

    private void endSessions(StaffMember member) {
        getEntityManager().createQuery("delete from ConsoleSession s where s.staffMemberId = ?1")
                .setParameter(1, member.id).executeUpdate();
    }

    private StaffMember create(long organizationId, String email, String displayName, StaffRole role) {
        String address = normalEmail(email);
        if (address.isEmpty()) {
            throw BookingException.missing(List.of("email"));
        }
        if (address.length() > 254 || !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw BookingException.invalid("email", "\"" + address + "\" is not an email address.");
        }
        String name = ControlCharacters.field(displayName);
        if (name.isEmpty()) {
            throw BookingException.missing(List.of("name"));
        }
        if (name.length() > MAX_NAME) {
            throw BookingException.invalid("name", "Use at most " + MAX_NAME + " characters for the name.");
        }
        if (count("email", address) > 0) {
            throw BookingException.invalid("email", address + " already has an account.");
        }
        StaffMember member = new StaffMember();
        member.organizationId = organizationId;
        member.email = address;
        member.displayName = name;
        member.role = role.stored();
        UniqueValues.insertOrRefuse(getEntityManager(), () -> persist(member),
                () -> BookingException.invalid("email", address + " already has an account."));
        return member;
    }

    /** A new link; the member's unused links of the {@code ending} purposes stop working. */
    private OneTimeLink link(StaffMember member, String purpose, Duration lifetime, List<String> ending) {
        Instant now = clock.instant();
        endLinks(member, ending);
        String token = RandomTokens.random256();
        StaffLink link = new StaffLink();
        link.staffMemberId = member.id;
        link.purpose = purpose;
        link.tokenHash = Sha256.hex(token);
        link.createdAt = now;
        link.expiresAt = now.plus(lifetime);
        getEntityManager().persist(link);
        return new OneTimeLink(member, token, link.expiresAt);
    }

    private Optional<StaffLink> liveLink(String token, LockModeType lock) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return getEntityManager().createQuery("from StaffLink l where l.tokenHash = ?1 and l.usedAt is null"
                + " and l.expiresAt > ?2 and exists (select m.id from StaffMember m where m.id = l.staffMemberId"
                + " and m.disabledAt is null)", StaffLink.class).setParameter(1, Sha256.hex(token.strip()))
                .setParameter(2, clock.instant()).setLockMode(lock).getResultStream().findFirst();
    }

    static String normalEmail(String email) {
        return ControlCharacters.field(email).toLowerCase(Locale.ROOT);
    }
}

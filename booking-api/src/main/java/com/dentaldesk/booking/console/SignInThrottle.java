package com.dentaldesk.booking.console;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.dentaldesk.booking.config.BookingConfig;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.vertx.core.http.HttpServerRequest;

/**
 * Limits failed console sign-ins, per source address and per account (Bucket4j token buckets, refilled evenly over
 * a minute): by default an address gets 10 failures a minute, an email address 20. Only failures spend a token, so
 * staff who type their password right are never slowed; the account's allowance is the larger one so that one
 * guessing address runs into its own limit before it can lock a person out. Buckets live in memory per instance, bounded
 * and forgotten after 10 idle minutes.
 */
@ApplicationScoped
public class SignInThrottle {

    /** Password mails an email address may receive an hour, whoever asks: no mailbox flooding through the page. */
    static final int MAILS_PER_HOUR = 3;
    private static final Bandwidth MAILS = Bandwidth.builder().capacity(MAILS_PER_HOUR)
            .refillGreedy(MAILS_PER_HOUR, Duration.ofHours(1)).build();

    private final Bandwidth perAddress;
    private final Bandwidth perAccount;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    @Inject
    public SignInThrottle(BookingConfig config) {
        this(config.console().signIn().failuresPerAddress(), config.console().signIn().failuresPerAccount());
    }

    SignInThrottle(int failuresPerAddress, int failuresPerAccount) {
        this.perAddress = perMinute(failuresPerAddress);
        this.perAccount = perMinute(failuresPerAccount);
    }

    private static Bandwidth perMinute(int failures) {
        return Bandwidth.builder().capacity(failures).refillGreedy(failures, Duration.ofMinutes(1)).build();
    }

    /** The source address a request is counted under (behind Fly's proxy, the forwarded one). */
    public static String addressOf(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    /** How long until this address may try this account again; empty when it may now. */
    public Optional<Duration> wait(String email, String address) {
        long nanos = Math.max(waitNanos(addressBucket(address)), waitNanos(accountBucket(email)));
        return nanos == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(nanos));
    }

    /** A failed sign-in spends a token of the address and of the account. */
    public void failed(String email, String address) {
        addressBucket(address).tryConsume(1);
        accountBucket(email).tryConsume(1);
    }

    /** Whether this email address may get another password mail now (spends one of its hourly mails). */
    public boolean mayMail(String email) {
        String account = email == null ? "" : email.trim().toLowerCase(java.util.Locale.ROOT);
        return buckets.get("mail:" + account, key -> Bucket.builder().addLimit(MAILS).build()).tryConsume(1);
    }

    private static long waitNanos(Bucket bucket) {
        return bucket.getAvailableTokens() > 0 ? 0 : bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }

    private Bucket addressBucket(String address) {
        return buckets.get("address:" + address, key -> Bucket.builder().addLimit(perAddress).build());
    }

    private Bucket accountBucket(String email) {
        String account = email == null ? "" : email.trim().toLowerCase(java.util.Locale.ROOT);
        return buckets.get("account:" + account, key -> Bucket.builder().addLimit(perAccount).build());
    }
}

package com.dentaldesk.booking.staff;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.spec.InvalidKeySpecException;

import jakarta.enterprise.context.ApplicationScoped;

import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

import com.dentaldesk.booking.errors.BookingException;

import io.quarkus.elytron.security.common.BcryptUtil;

/**
 * Staff passwords, hashed and checked with bcrypt by WildFly Elytron (what {@code quarkus-security-jpa} uses): a
 * modular-crypt string with its own salt and cost. A check against an unknown account still spends one bcrypt
 * verification, so the time taken does not tell whether an email has an account.
 */
@ApplicationScoped
public class Passwords {

    static final int MIN_LENGTH = 10;
    /** bcrypt reads at most 72 bytes; a longer password would be cut without a word, so it is refused. */
    static final int MAX_BYTES = 72;
    private static final WildFlyElytronPasswordProvider PROVIDER = WildFlyElytronPasswordProvider.getInstance();
    private static final String NO_ACCOUNT = BcryptUtil.bcryptHash("no account has this password");

    /** The stored form of a password that passed {@link #check}. */
    public String hash(String password) {
        return BcryptUtil.bcryptHash(password);
    }

    /** Whether the password matches the stored hash; a missing hash (no account, no password yet) never matches. */
    public boolean matches(String password, String storedHash) {
        boolean known = storedHash != null;
        boolean matches = verify(password == null ? "" : password, known ? storedHash : NO_ACCOUNT);
        return known && matches;
    }

    /** Refuses a password a person should not use, naming the rule (a 422 on the {@code password} field). */
    public void check(String password, String email) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw BookingException.invalid("password", "Use at least " + MIN_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw BookingException.invalid("password", "Use at most " + MAX_BYTES
                    + " bytes (about 70 letters, fewer with accents or emoji).");
        }
        if (password.strip().equalsIgnoreCase(email)) {
            throw BookingException.invalid("password", "Do not use your email address as your password.");
        }
    }

    private static boolean verify(String password, String storedHash) {
        try {
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
            Password stored = factory.translate(ModularCrypt.decode(storedHash));
            return factory.verify(stored, password.toCharArray());
        } catch (InvalidKeySpecException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("bcrypt is not available", e);
        }
    }
}

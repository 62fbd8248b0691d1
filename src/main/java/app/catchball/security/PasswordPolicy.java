package app.catchball.security;

import app.catchball.base.RuleViolation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** At least 12 characters, not the username, and not in the list of common passwords shipped with the app. */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;

    private final Set<String> common = new HashSet<>();

    PasswordPolicy() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).forEach(common::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Refuses a password that breaks the policy, with a message that says why. */
    public void check(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new RuleViolation("A password needs at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > 200) {
            throw new RuleViolation("A password has at most 200 characters.");
        }
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw new RuleViolation("A password must not contain the username.");
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            throw new RuleViolation("That password is too common: choose another.");
        }
    }
}

package io.github.pypimaven.maven;

import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** What went wrong when Maven decrypted a settings.xml password: the one filter for servers and proxies alike. */
final class SettingsDecryption {

    private SettingsDecryption() {}

    /**
     * The messages of the problems that make the decrypted password unusable (errors and fatal problems, not
     * warnings), joined with "; "; empty when there are none. Maven's messages name the entry and the cause (e.g.
     * a missing settings-security.xml), never the password.
     */
    static Optional<String> errors(SettingsDecryptionResult result) {
        String errors = result.getProblems().stream()
                .filter(p -> p.getSeverity() != SettingsProblem.Severity.WARNING)
                .map(SettingsProblem::getMessage)
                .collect(Collectors.joining("; "));
        return errors.isEmpty() ? Optional.empty() : Optional.of(errors);
    }
}

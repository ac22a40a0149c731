package io.github.pypimaven.packaging;

import io.github.pypimaven.distribution.Pep440Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Converts a Maven version to the PEP 440 version that the same release gets on PyPI.
 *
 * <p>The mapping follows Maven's own ordering ({@code ComparableVersion}), so that the Python versions sort as
 * the Maven ones do:
 * <ul>
 *   <li>{@code -SNAPSHOT} becomes {@code .dev0}: {@code 1.2.0-SNAPSHOT} → {@code 1.2.0.dev0}.</li>
 *   <li>{@code alpha}/{@code a} → {@code a}, {@code beta}/{@code b} → {@code b}, {@code rc}/{@code cr}/{@code c}
 *       /{@code pre}/{@code preview} → {@code rc}: {@code 1.0-rc-1} → {@code 1.0rc1}, {@code 2.1.0-beta2} →
 *       {@code 2.1.0b2}.</li>
 *   <li>Milestones ({@code M1}, {@code milestone-1}) become betas ({@code 1.0b1}): PEP 440 has no milestone, and
 *       Maven sorts milestones after alphas and before release candidates. A project that publishes both betas
 *       and milestones of one version must set the Python version explicitly.</li>
 *   <li>{@code Final}, {@code GA} and {@code RELEASE} are dropped ({@code 1.0.Final} → {@code 1.0}): Maven
 *       itself treats them as equal to the bare version.</li>
 *   <li>{@code sp}/{@code post} and a number after a dash are post-releases: {@code 1.0-SP1} and {@code 1.0-1}
 *       → {@code 1.0.post1}.</li>
 * </ul>
 * Any other qualifier cannot be converted and is an error.
 */
public final class MavenVersionConverter {

    private enum Kind { RELEASE, FINAL, PRE, POST, DEV }

    private MavenVersionConverter() {
    }

    /**
     * @throws IllegalArgumentException naming the version and why it cannot be converted; the caller adds the
     *     project and the fix
     */
    public static Pep440Version toPep440(String mavenVersion) {
        if (mavenVersion == null || mavenVersion.isBlank()) {
            throw new IllegalArgumentException("the Maven version is empty");
        }
        String text = mavenVersion.strip().toLowerCase(Locale.ROOT);
        boolean snapshot = false;
        if (text.endsWith("-snapshot") || text.endsWith(".snapshot")) {
            snapshot = true;
            text = text.substring(0, text.length() - "-snapshot".length());
        }
        List<Token> tokens = tokenize(mavenVersion, text);
        StringBuilder release = new StringBuilder();
        int i = 0;
        while (i < tokens.size() && tokens.get(i).numeric() && (i == 0 || tokens.get(i).separator() == '.')) {
            release.append(i == 0 ? "" : ".").append(Long.parseLong(tokens.get(i).text()));
            i++;
        }
        if (release.isEmpty()) {
            throw new IllegalArgumentException("'" + mavenVersion + "' does not start with a number");
        }
        StringBuilder out = new StringBuilder(release);
        Kind last = Kind.RELEASE;
        while (i < tokens.size()) {
            Token token = tokens.get(i++);
            Kind kind;
            String suffix;
            if (token.numeric()) {
                if (token.separator() != '-') {
                    throw new IllegalArgumentException("'" + mavenVersion + "' has a number '" + token.text()
                            + "' where a qualifier was expected");
                }
                kind = Kind.POST;
                suffix = ".post" + Long.parseLong(token.text());
            } else {
                kind = classify(mavenVersion, token.text());
                String number = "";
                if (kind != Kind.FINAL && i < tokens.size() && tokens.get(i).numeric()) {
                    number = String.valueOf(Long.parseLong(tokens.get(i++).text()));
                }
                suffix = switch (kind) {
                    case PRE -> preLabel(token.text()) + (number.isEmpty() ? "0" : number);
                    case POST -> ".post" + (number.isEmpty() ? "0" : number);
                    case DEV -> ".dev" + (number.isEmpty() ? "0" : number);
                    default -> "";
                };
            }
            // PEP 440 allows at most one of each part, in the order pre, post, dev.
            if (kind.ordinal() <= last.ordinal() || (kind == Kind.FINAL && last != Kind.RELEASE)) {
                throw new IllegalArgumentException("'" + mavenVersion + "' has qualifier '" + token.text()
                        + "' in a place PEP 440 cannot express (the order must be pre-release, post-release, dev)");
            }
            last = kind;
            out.append(suffix);
        }
        if (snapshot) {
            if (last == Kind.DEV) {
                throw new IllegalArgumentException("'" + mavenVersion + "' is both a dev release and a SNAPSHOT");
            }
            out.append(".dev0");
        }
        return Pep440Version.tryParse(out.toString()).orElseThrow(() -> new IllegalArgumentException(
                "'" + mavenVersion + "' converts to '" + out + "', which is not a PEP 440 version"));
    }

    private static Kind classify(String version, String word) {
        return switch (word) {
            case "alpha", "a", "beta", "b", "milestone", "m", "rc", "cr", "c", "pre", "preview" -> Kind.PRE;
            case "final", "ga", "release" -> Kind.FINAL;
            case "sp", "post" -> Kind.POST;
            case "dev" -> Kind.DEV;
            default -> throw new IllegalArgumentException("'" + version + "' has the qualifier '" + word
                    + "', which has no PEP 440 equivalent (known: alpha, beta, milestone, rc, final, ga, release, sp,"
                    + " post, dev, SNAPSHOT)");
        };
    }

    private static String preLabel(String word) {
        return switch (word) {
            case "alpha", "a" -> "a";
            case "beta", "b", "milestone", "m" -> "b";
            default -> "rc";
        };
    }

    private record Token(char separator, String text) {
        boolean numeric() {
            return Character.isDigit(text.charAt(0));
        }
    }

    /** Splits at '.', '-' and '_' and where digits and letters meet, as Maven's version parser does. */
    private static List<Token> tokenize(String original, String text) {
        List<Token> tokens = new ArrayList<>();
        char separator = 0;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '-' || c == '_') {
                if (current.isEmpty()) {
                    throw new IllegalArgumentException("'" + original + "' has an empty part");
                }
                tokens.add(new Token(separator, current.toString()));
                current.setLength(0);
                separator = c == '_' ? '-' : c;
            } else if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
                if (!current.isEmpty() && Character.isDigit(c) != Character.isDigit(current.charAt(0))) {
                    tokens.add(new Token(separator, current.toString()));
                    current.setLength(0);
                    separator = '-'; // "rc1" reads as "rc-1"
                }
                current.append(c);
            } else {
                throw new IllegalArgumentException("'" + original + "' contains the character '" + c + "'");
            }
        }
        if (current.isEmpty()) {
            throw new IllegalArgumentException("'" + original + "' ends with a separator");
        }
        tokens.add(new Token(separator, current.toString()));
        return tokens;
    }
}

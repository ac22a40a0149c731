package io.github.pypimaven.distribution;

import io.github.pypimaven.ci.ForeignText;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for the name of a member of a wheel or an sdist, which the writers apply before writing a member and
 * the validator to every member it reads: a relative, '/'-separated path that stays inside the archive.
 *
 * <p>An installer or {@code tar -x} resolves a member name against the directory it writes into, so {@code ../x},
 * {@code /etc/x} or {@code C:x} would land outside it; a backslash is a separator on Windows, so {@code a\..\..\x}
 * climbs out there; and a control character in a name lets it forge a line of a log or of RECORD.
 */
public final class ArchiveMemberName {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:");

    private ArchiveMemberName() {
    }

    /** Why the name is not a safe member name (e.g. "is an absolute path"), or empty when it is one. */
    public static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("is empty");
        }
        if (CONTROL.matcher(name).find()) {
            return Optional.of("contains a control character");
        }
        if (name.indexOf('\\') >= 0) {
            return Optional.of("contains a backslash, which is a directory separator on Windows");
        }
        if (name.startsWith("/") || DRIVE.matcher(name).find()) {
            return Optional.of("is an absolute path");
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) {
                return Optional.of("climbs out of the archive with '..'");
            }
        }
        return Optional.empty();
    }

    /**
     * Why a link member's target leaves the archive, or empty when it stays inside. A symbolic link's target is
     * resolved against the link's directory, a hard link's against the archive root.
     */
    public static Optional<String> linkProblem(String member, String target, boolean symbolic) {
        if (target.isEmpty() || CONTROL.matcher(target).find() || target.indexOf('\\') >= 0) {
            return Optional.of("links to '" + shown(target) + "', which is not a plain relative path");
        }
        if (target.startsWith("/") || DRIVE.matcher(target).find()) {
            return Optional.of("links to the absolute path '" + shown(target) + "'");
        }
        String base = symbolic && member.contains("/") ? member.substring(0, member.lastIndexOf('/') + 1) : "";
        int depth = 0;
        for (String segment : (base + target).split("/")) {
            if (segment.equals("..")) {
                depth--;
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
            if (depth < 0) {
                return Optional.of("links to '" + shown(target) + "', outside the archive");
            }
        }
        return Optional.empty();
    }

    /** A member name as a message may show it: names that failed a check are foreign text. */
    public static String shown(String name) {
        return ForeignText.line(name);
    }
}

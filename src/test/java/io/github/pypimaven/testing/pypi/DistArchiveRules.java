package io.github.pypimaven.testing.pypi;

import io.github.pypimaven.testing.archive.ZipRecords;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Warehouse's checks on the bytes of a distribution: {@code _is_valid_dist_file} and the wheel content checks. */
final class DistArchiveRules {

    private static final long COMPRESSION_RATIO_MIN_SIZE = 64L * 1024 * 1024;
    private static final int COMPRESSION_RATIO_THRESHOLD = 50;
    private static final Pattern ENTRY_POINT_NAME = Pattern.compile("[\\w.-]+", Pattern.UNICODE_CHARACTER_CLASS);

    private DistArchiveRules() {
    }

    /**
     * The reason the file is not a valid distribution, to follow "Invalid distribution file. ", or null when it is
     * valid. Python formats a missing reason as "None", and so does this.
     */
    static String invalidReason(Path file, String filename) {
        if (filename.endsWith(".zip") || filename.endsWith(".whl")) {
            return zipReason(file, filename);
        }
        if (filename.endsWith(".tar.gz")) {
            return tarReason(file);
        }
        return null;
    }

    private static String zipReason(Path file, String filename) {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            long decompressed = 0;
            boolean supportedMethods = true;
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                names.add(entry.getName());
                decompressed += Math.max(0, entry.getSize());
                supportedMethods &= entry.getMethod() == ZipEntry.STORED || entry.getMethod() == ZipEntry.DEFLATED;
            }
            long compressed = Files.size(file);
            if (decompressed > COMPRESSION_RATIO_MIN_SIZE && decompressed / (double) compressed > COMPRESSION_RATIO_THRESHOLD) {
                return "File exceeds compression ratio of " + COMPRESSION_RATIO_THRESHOLD;
            }
            if (!supportedMethods) {
                return "File does not use a supported compression type";
            }
        } catch (IOException e) {
            return "File is not a zipfile";
        }
        if (filename.endsWith(".zip")) {
            String top = commonPath(names);
            if (top.isEmpty()) {
                return "Incorrect number of top-level directories in sdist";
            }
            if (!names.contains(top + "/PKG-INFO")) {
                return "PKG-INFO not found at " + top + "/PKG-INFO";
            }
        } else {
            String[] parts = filename.split("-", 3);
            if (parts.length < 3) {
                return "Unable to parse name and version from wheel filename";
            }
            String wheel = parts[0] + "-" + parts[1] + ".dist-info/WHEEL";
            if (!names.contains(wheel)) {
                return "WHEEL not found at " + wheel;
            }
        }
        String framing = framingProblem(file);
        if (framing != null) {
            return "ZIP archive not accepted: " + framing + ". See https://docs.pypi.org/archives for more information";
        }
        return null;
    }

    /** Warehouse's {@code validate_zipfile} verdict: the first problem, or null when the framing is acceptable. */
    private static String framingProblem(Path file) {
        try {
            List<String> problems = ZipRecords.read(file).problems();
            return problems.isEmpty() ? null : problems.get(0);
        } catch (IOException e) {
            return "Malformed zip file";
        }
    }

    private static String tarReason(Path file) {
        List<TarArchiveEntry> members;
        try {
            members = tarMembers(file);
        } catch (IOException e) {
            return "None"; // tarfile.ReadError / zlib.error: Warehouse formats the missing reason as None
        }
        if (members.stream().anyMatch(TarArchiveEntry::isSparse)) {
            return "tar archive not accepted: Sparse members are not allowed. See https://docs.pypi.org/archives for more information";
        }
        List<String> names = members.stream().map(m -> stripDotSlash(m.getName())).toList();
        String top = commonPath(names);
        if (top.isEmpty()) {
            return "Incorrect number of top-level directories in sdist";
        }
        if (!names.contains(top + "/PKG-INFO")) {
            return "PKG-INFO not found at " + top + "/PKG-INFO";
        }
        return null;
    }

    /**
     * The members of a .tar.gz in order, with pax and GNU long names applied; IOException when it is not gzip or
     * not a tar.
     */
    private static List<TarArchiveEntry> tarMembers(Path file) throws IOException {
        List<TarArchiveEntry> members = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(
                new BufferedInputStream(Files.newInputStream(file))), StandardCharsets.UTF_8.name())) {
            for (TarArchiveEntry member; (member = tar.getNextEntry()) != null; ) {
                members.add(member);
            }
        }
        return members;
    }

    private static String stripDotSlash(String name) {
        String n = name;
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        return n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
    }

    /** Python's {@code os.path.commonpath} over archive member names ("" when they share nothing). */
    static String commonPath(List<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        List<String> common = null;
        for (String name : names) {
            List<String> parts = new ArrayList<>();
            for (String p : name.split("/")) {
                if (!p.isEmpty() && !p.equals(".")) {
                    parts.add(p);
                }
            }
            if (common == null) {
                common = parts;
            } else {
                int i = 0;
                while (i < common.size() && i < parts.size() && common.get(i).equals(parts.get(i))) {
                    i++;
                }
                common = common.subList(0, i);
            }
        }
        return String.join("/", common);
    }

    /** After the filename checks: license files, RECORD, entry points and METADATA inside the wheel. */
    static void checkWheelContents(Path file, String filename, List<String> licenseFiles) throws UploadRejected {
        String[] parts = filename.split("-", 3);
        String distInfo = parts[0] + "-" + parts[1] + ".dist-info/";
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (String license : licenseFiles) {
                String path = distInfo + "licenses/" + license;
                if (zip.getEntry(path) == null) {
                    throw UploadRejected.badRequest("License-File " + license + " does not exist in distribution file "
                            + filename + " at " + path);
                }
            }
            if (zip.getEntry(distInfo + "RECORD") == null) {
                throw UploadRejected.badRequest("Wheel '" + filename + "' does not contain the required RECORD file: "
                        + distInfo + "RECORD");
            }
            ZipEntry entryPoints = zip.getEntry(distInfo + "entry_points.txt");
            if (entryPoints != null && !validEntryPoints(zip, entryPoints)) {
                throw UploadRejected.badRequest("Wheel '" + filename + "' has invalid entry points defined in the "
                        + "entry_points.txt file");
            }
            if (zip.getEntry(distInfo + "METADATA") == null) {
                throw UploadRejected.badRequest("Wheel '" + filename + "' does not contain the required METADATA file: "
                        + distInfo + "METADATA");
            }
        } catch (IOException e) {
            throw UploadRejected.badRequest("Invalid distribution file. File is not a zipfile");
        }
    }

    /** sdist License-Files must be at {@code <top>/<path>}. */
    static void checkSdistLicenseFiles(Path file, String filename, List<String> licenseFiles) throws UploadRejected {
        if (licenseFiles.isEmpty()) {
            return;
        }
        List<String> names;
        try {
            names = tarMembers(file).stream().map(m -> stripDotSlash(m.getName())).toList();
        } catch (IOException e) {
            throw UploadRejected.badRequest("Invalid distribution file. None");
        }
        String top = commonPath(names);
        for (String license : licenseFiles) {
            if (!names.contains(top + "/" + license)) {
                throw UploadRejected.badRequest("License-File " + license + " does not exist in distribution file "
                        + filename + " at " + top + "/" + license);
            }
        }
    }

    /** A UTF-8 INI file whose console/gui script names are plain names, as Warehouse requires. */
    private static boolean validEntryPoints(ZipFile zip, ZipEntry entry) throws IOException {
        String text;
        try (InputStream in = zip.getInputStream(entry)) {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(in.readAllBytes())).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
        String section = null;
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith(";")) {
                continue;
            }
            if (l.startsWith("[") && l.endsWith("]")) {
                section = l.substring(1, l.length() - 1).strip();
                continue;
            }
            int eq = l.indexOf('=');
            if (section == null || eq <= 0) {
                return false;
            }
            String name = l.substring(0, eq).strip();
            if ((section.equals("console_scripts") || section.equals("gui_scripts"))
                    && !ENTRY_POINT_NAME.matcher(name).matches()) {
                return false;
            }
        }
        return true;
    }
}

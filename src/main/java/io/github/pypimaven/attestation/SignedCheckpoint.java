package io.github.pypimaven.attestation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A log checkpoint as a signed note: {@code "<origin>\n<size>\n<base64 root>\n"} (and maybe more lines), a blank
 * line, then one {@code "— <name> <base64(key hint ‖ signature)>\n"} line per signature. The signatures cover
 * {@link #note()}, the text up to and including the newline before the blank line.
 */
record SignedCheckpoint(String note, String origin, long size, byte[] rootHash, List<Signature> signatures) {

    /** @param keyHint the first four bytes of the signing log's id */
    record Signature(String name, byte[] keyHint, byte[] signature) {}

    private static final Pattern SIGNATURE_LINE = Pattern.compile("\u2014 (\\S+) (\\S+)\n");

    SignedCheckpoint {
        signatures = List.copyOf(signatures);
    }

    /** @throws IllegalArgumentException naming what is malformed */
    static SignedCheckpoint parse(String text) {
        int split = text.indexOf("\n\n");
        if (split < 0 || text.indexOf("\n\n", split + 1) >= 0) {
            throw new IllegalArgumentException("a checkpoint needs exactly one blank line between its text and its"
                    + " signatures");
        }
        String note = text.substring(0, split + 1);
        String block = text.substring(split + 2);
        if (block.isEmpty() || !block.endsWith("\n")) {
            throw new IllegalArgumentException("the checkpoint's signature block is empty or does not end with a"
                    + " newline");
        }
        List<Signature> signatures = new ArrayList<>();
        Matcher line = SIGNATURE_LINE.matcher(block);
        int at = 0;
        while (line.find() && line.start() == at) {
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(line.group(2));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("a checkpoint signature is not base64");
            }
            if (raw.length < 5) {
                throw new IllegalArgumentException("a checkpoint signature is too short");
            }
            signatures.add(new Signature(line.group(1), Arrays.copyOf(raw, 4), Arrays.copyOfRange(raw, 4, raw.length)));
            at = line.end();
        }
        if (at != block.length()) {
            throw new IllegalArgumentException("the checkpoint's signature block has a malformed line");
        }
        String[] lines = note.split("\n");
        if (lines.length < 3 || lines[0].isEmpty()) {
            throw new IllegalArgumentException("the checkpoint text needs an origin, a size and a root hash");
        }
        try {
            return new SignedCheckpoint(note, lines[0], Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]),
                    signatures);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the checkpoint's size or root hash is malformed");
        }
    }

    byte[] signedBytes() {
        return note.getBytes(StandardCharsets.UTF_8);
    }
}

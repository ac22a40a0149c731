package io.github.pypimaven.attestation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The little DER the attestation checks need, without BouncyCastle: reading a TLV and its children, writing one back,
 * and the few value types found in Fulcio certificates (object identifiers and UTF8Strings). Only single-byte tags
 * and definite lengths, which is all X.509 uses; anything else is refused as malformed.
 */
final class Der {

    static final int SEQUENCE = 0x30;
    static final int OCTET_STRING = 0x04;
    static final int OID = 0x06;
    static final int UTF8_STRING = 0x0C;

    /** One element: its tag, where it starts in {@code buffer}, where its value starts and where it ends. */
    record Tlv(int tag, byte[] buffer, int start, int valueStart, int end) {

        byte[] value() {
            return Arrays.copyOfRange(buffer, valueStart, end);
        }

        byte[] encoded() {
            return Arrays.copyOfRange(buffer, start, end);
        }

        /** The elements inside a constructed element. */
        List<Tlv> children() {
            List<Tlv> children = new ArrayList<>();
            for (int at = valueStart; at < end; ) {
                Tlv child = read(buffer, at, end);
                children.add(child);
                at = child.end;
            }
            return children;
        }
    }

    private Der() {}

    /** The single element that fills {@code der} exactly. */
    static Tlv parse(byte[] der) {
        Tlv tlv = read(der, 0, der.length);
        if (tlv.end != der.length) {
            throw new IllegalArgumentException("trailing bytes after a DER element");
        }
        return tlv;
    }

    static Tlv read(byte[] buffer, int start, int limit) {
        if (start + 2 > limit) {
            throw new IllegalArgumentException("truncated DER element");
        }
        int tag = buffer[start] & 0xFF;
        if ((tag & 0x1F) == 0x1F) {
            throw new IllegalArgumentException("multi-byte DER tags are not supported");
        }
        int first = buffer[start + 1] & 0xFF;
        int at = start + 2;
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int count = first & 0x7F;
            if (count == 0 || count > 4 || at + count > limit) {
                throw new IllegalArgumentException("invalid DER length");
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (buffer[at++] & 0xFF);
            }
        }
        if (length > limit - at) {
            throw new IllegalArgumentException("DER element longer than its container");
        }
        return new Tlv(tag, buffer, start, at, at + (int) length);
    }

    static byte[] encode(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = length > 0xFFFFFF ? 4 : length > 0xFFFF ? 3 : length > 0xFF ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** The dotted form of an OBJECT IDENTIFIER's value bytes. */
    static String oid(byte[] value) {
        if (value.length == 0) {
            throw new IllegalArgumentException("empty object identifier");
        }
        StringBuilder text = new StringBuilder();
        long arc = 0;
        boolean first = true;
        for (byte b : value) {
            arc = (arc << 7) | (b & 0x7F);
            if ((b & 0x80) == 0) {
                if (first) {
                    int top = arc < 40 ? 0 : arc < 80 ? 1 : 2;
                    text.append(top).append('.').append(arc - 40L * top);
                    first = false;
                } else {
                    text.append('.').append(arc);
                }
                arc = 0;
            }
        }
        return text.toString();
    }

    /** The text of a DER UTF8String (how Fulcio writes its extensions from .8 on). */
    static String utf8String(byte[] der) {
        Tlv tlv = parse(der);
        if (tlv.tag() != UTF8_STRING) {
            throw new IllegalArgumentException("not a UTF8String");
        }
        return new String(tlv.value(), StandardCharsets.UTF_8);
    }

    /** The content of a DER OCTET STRING (how the JDK hands out an extension's value). */
    static byte[] octetString(byte[] der) {
        Tlv tlv = parse(der);
        if (tlv.tag() != OCTET_STRING) {
            throw new IllegalArgumentException("not an OCTET STRING");
        }
        return tlv.value();
    }
}

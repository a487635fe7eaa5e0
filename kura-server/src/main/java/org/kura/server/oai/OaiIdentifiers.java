package org.kura.server.oai;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Kura's OAI identifiers: {@code oai:<repositoryIdentifier>:<provider>:<record identifier>}, with the
 * record identifier percent-encoded where it uses characters the oai-identifier syntax does not allow.
 */
final class OaiIdentifiers {
    private static final String ALLOWED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'();/?:@&=+$,";

    /** A provider and the provider's identifier of a record. */
    record Key(String providerId, String identifier) {
    }

    private final String prefix;

    OaiIdentifiers(String repositoryIdentifier) {
        this.prefix = "oai:" + repositoryIdentifier + ":";
    }

    String toOai(String providerId, String identifier) {
        StringBuilder sb = new StringBuilder(prefix).append(providerId).append(':');
        for (byte b : identifier.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c < 128 && ALLOWED.indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }

    Optional<Key> parse(String oaiId) {
        if (oaiId == null || !oaiId.startsWith(prefix) || oaiId.length() > 4096) {
            return Optional.empty();
        }
        String rest = oaiId.substring(prefix.length());
        int colon = rest.indexOf(':');
        if (colon < 1 || colon == rest.length() - 1) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String id = rest.substring(colon + 1);
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '%') {
                if (i + 2 >= id.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(id.charAt(i + 1), 16);
                int lo = Character.digit(id.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (c < 128) {
                out.write(c);
            } else {
                // lenient: accept the identifier as people copy it (unescaped), not only as Kura writes it
                int cp = id.codePointAt(i);
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp) - 1;
            }
        }
        return Optional.of(new Key(rest.substring(0, colon), out.toString(StandardCharsets.UTF_8)));
    }
}

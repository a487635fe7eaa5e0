package org.kura.server.oai;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.kura.catalog.CatalogStore.DatestampKey;

/**
 * The state of a list request between pages, carried by the client: the original arguments, the
 * position in datestamp order after which the next page starts, how many were sent before and the
 * list size. Signed (HMAC-SHA256) so that a forged or edited token is refused as
 * {@code badResumptionToken}, and dated so that it expires cleanly. Because the position is a
 * datestamp key rather than an offset, the token stays valid while records change: a record changed
 * meanwhile gets a later datestamp and is sent again later, none is skipped.
 */
record ResumptionToken(String verb, String prefix, String set, Instant from, Instant until, DatestampKey after,
                       long cursor, long completeListSize, Instant expires) {

    private static final char SEP = '\u001f';

    /** Thrown when a token cannot be used; the message says why (shown to the client). */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    String encode(byte[] secret) {
        String body = String.join(String.valueOf(SEP), "1", verb, prefix, nz(set), instant(from), instant(until),
                instant(after.at()), after.providerId(), after.identifier(), Long.toString(cursor),
                Long.toString(completeListSize), Long.toString(expires.getEpochSecond()));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "." + Base64.getUrlEncoder()
                .withoutPadding().encodeToString(mac(secret, bytes));
    }

    static ResumptionToken decode(String token, String verb, byte[] secret, Instant now) throws Invalid {
        int dot = token.indexOf('.');
        if (token.length() > 8192 || dot < 1) {
            throw new Invalid("not a resumption token of this repository");
        }
        byte[] bytes;
        byte[] sig;
        try {
            bytes = Base64.getUrlDecoder().decode(token.substring(0, dot));
            sig = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new Invalid("not a resumption token of this repository");
        }
        if (!MessageDigest.isEqual(sig, mac(secret, bytes))) {
            throw new Invalid("the resumption token was not issued by this repository or has been altered");
        }
        String[] f = new String(bytes, StandardCharsets.UTF_8).split(String.valueOf(SEP), -1);
        if (f.length != 12 || !"1".equals(f[0])) {
            throw new Invalid("unsupported resumption token version");
        }
        if (!f[1].equals(verb)) {
            throw new Invalid("the resumption token belongs to " + f[1] + ", not " + verb);
        }
        Instant expires = Instant.ofEpochSecond(Long.parseLong(f[11]));
        if (now.isAfter(expires)) {
            throw new Invalid("the resumption token expired at " + expires + "; start the list again");
        }
        return new ResumptionToken(f[1], f[2], f[3].isEmpty() ? null : f[3], parse(f[4]), parse(f[5]),
                new DatestampKey(parse(f[6]), f[7], f[8]), Long.parseLong(f[9]), Long.parseLong(f[10]), expires);
    }

    private static byte[] mac(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(body), 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String instant(Instant t) {
        return t == null ? "" : t.toString();
    }

    private static Instant parse(String s) {
        return s.isEmpty() ? null : Instant.parse(s);
    }
}

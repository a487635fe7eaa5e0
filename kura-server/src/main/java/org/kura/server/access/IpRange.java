package org.kura.server.access;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A CIDR range (IPv4 or IPv6): {@code 10.1.0.0/16}, {@code 2001:db8::/32}, or one address. */
public final class IpRange {
    private final byte[] network;
    private final int prefix;

    private IpRange(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** Parses a range; literal addresses only (never a DNS lookup). */
    public static IpRange parse(String cidr) {
        String s = cidr.strip();
        int slash = s.indexOf('/');
        String addr = slash < 0 ? s : s.substring(0, slash);
        byte[] bytes = literal(addr);
        if (bytes == null) {
            throw new IllegalArgumentException("not an IP address or CIDR range: " + cidr);
        }
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad prefix length in " + cidr);
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("bad prefix length in " + cidr);
            }
        }
        return new IpRange(bytes, prefix);
    }

    /** The prefix length: 32 (IPv4) or 128 (IPv6) for one address. */
    public int prefix() {
        return prefix;
    }

    public boolean isIpv6() {
        return network.length == 16;
    }

    /** True when {@code address} (a literal) lies in the range. */
    public boolean contains(String address) {
        byte[] a = literal(address);
        if (a == null || a.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (a[full] & mask) == (network[full] & mask);
    }

    private static byte[] literal(String s) {
        if (s == null || s.isEmpty() || !s.matches("[0-9a-fA-F:.\\[\\]%]+")) {
            return null; // not a literal: never resolve names
        }
        try {
            return InetAddress.getByName(s.replace("[", "").replace("]", "")).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }
}

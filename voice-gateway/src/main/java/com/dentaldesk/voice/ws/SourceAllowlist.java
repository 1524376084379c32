package com.dentaldesk.voice.ws;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** Source addresses allowed to open a socket: exact IPs (v4 or v6) or IPv4 CIDR blocks. */
public final class SourceAllowlist {

    private final List<Rule> rules;

    private SourceAllowlist(List<Rule> rules) {
        this.rules = rules;
    }

    /** An empty list allows everyone; an unparsable entry is an error (config must fail fast). */
    public static SourceAllowlist parse(List<String> entries) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            try {
                if (slash < 0) {
                    rules.add(new Rule(InetAddress.getByName(literal(entry)).getAddress(), -1));
                } else {
                    byte[] net = InetAddress.getByName(literal(entry.substring(0, slash))).getAddress();
                    int bits = Integer.parseInt(entry.substring(slash + 1));
                    if (bits < 0 || bits > net.length * 8) {
                        throw new IllegalArgumentException("bad prefix length in '" + entry + "'");
                    }
                    rules.add(new Rule(net, bits));
                }
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not an IP address or CIDR: '" + entry + "'");
            }
        }
        return new SourceAllowlist(List.copyOf(rules));
    }

    private static String literal(String value) {
        // Only literals: a host name here would mean a DNS lookup on every start and a spoofable rule.
        if (!value.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException("not an IP address or CIDR: '" + value + "'");
        }
        return value;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    public boolean allows(String address) {
        if (rules.isEmpty()) {
            return true;
        }
        if (address == null || !address.matches("[0-9a-fA-F:.]+")) {
            return false;
        }
        byte[] candidate;
        try {
            candidate = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return false;
        }
        return rules.stream().anyMatch(rule -> rule.matches(candidate));
    }

    private record Rule(byte[] network, int prefixBits) {
        boolean matches(byte[] candidate) {
            if (candidate.length != network.length) {
                return false;
            }
            int bits = prefixBits < 0 ? network.length * 8 : prefixBits;
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((candidate[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}

package org.kura.lod.doi;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Kura makes the DOI of an item: a registrant prefix ({@code 10.99999}) and a suffix pattern with
 * placeholders, from the configuration ({@code doi.prefix}, {@code doi.pattern}).
 * <ul>
 *   <li>{@code {item}} the item id (letters, digits, {@code . _ -}),</li>
 *   <li>{@code {provider}} the id of the provider of the record the item digitizes,</li>
 *   <li>{@code {yyyy}} the year of minting (UTC),</li>
 *   <li>{@code {seq}} the mint's sequence number in the catalog (1, 2, …).</li>
 * </ul>
 * A pattern must contain {@code {item}} or {@code {seq}}, so that two items never get the same DOI; the rest is
 * literal text of DOI suffix characters ({@code A-Z a-z 0-9 - . _ ; ( ) / :}). Examples: {@code kura.{item}},
 * {@code {provider}.{yyyy}.{seq}}. Whether a DOI made from it is valid is checked again for every item
 * ({@link DoiName}), since item and provider ids are only known then.
 */
public record DoiPattern(String prefix, String pattern) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");
    private static final java.util.Set<String> KNOWN = java.util.Set.of("item", "provider", "yyyy", "seq");

    public DoiPattern {
        if (!DoiName.isValidPrefix(prefix)) {
            throw new DoiException(DoiException.Reason.BAD_PATTERN, "doi.prefix must be a DOI prefix such as 10.99999, not "
                    + DoiName.shown(prefix));
        }
        if (pattern == null || pattern.isBlank()) {
            throw new DoiException(DoiException.Reason.BAD_PATTERN, "doi.pattern is empty (e.g. kura.{item})");
        }
        Matcher m = PLACEHOLDER.matcher(pattern);
        boolean distinct = false;
        while (m.find()) {
            if (!KNOWN.contains(m.group(1))) {
                throw new DoiException(DoiException.Reason.BAD_PATTERN, "doi.pattern: unknown placeholder {" + m.group(1)
                        + "} (known: {item}, {provider}, {yyyy}, {seq})");
            }
            distinct |= m.group(1).equals("item") || m.group(1).equals("seq");
        }
        if (!distinct) {
            throw new DoiException(DoiException.Reason.BAD_PATTERN, "doi.pattern must contain {item} or {seq}, or every item "
                    + "would get the same DOI: " + DoiName.shown(pattern));
        }
        String literal = PLACEHOLDER.matcher(pattern).replaceAll("x");
        String problem = DoiName.suffixProblem(literal);
        if (problem != null) {
            throw new DoiException(DoiException.Reason.BAD_PATTERN, "doi.pattern: " + problem + ": " + DoiName.shown(pattern));
        }
    }

    /** The DOI of an item; fails (BAD_PATTERN) when the ids make an invalid DOI or {provider} is asked for and unknown. */
    public DoiName name(String itemId, String providerId, int year, long seq) {
        if (pattern.contains("{provider}") && (providerId == null || providerId.isBlank())) {
            throw new DoiException(DoiException.Reason.BAD_PATTERN, "item " + itemId + " digitizes no provider's record, "
                    + "but doi.pattern uses {provider}");
        }
        String suffix = pattern.replace("{item}", itemId).replace("{provider}", providerId == null ? "" : providerId)
                .replace("{yyyy}", String.format("%04d", year)).replace("{seq}", Long.toString(seq));
        try {
            return new DoiName(prefix, suffix);
        } catch (DoiException e) {
            throw new DoiException(DoiException.Reason.BAD_PATTERN, "doi.pattern " + pattern + " makes no valid DOI for item "
                    + itemId + ": " + e.getMessage());
        }
    }
}

package org.kura.fulltext;

/**
 * How much text a location search may show of an item the reader may not read (Copyright Act art.
 * 47-5: the record, where the words are, and a short passage). Defaults follow NDL's practice of a
 * couple of short snippets per book and query.
 *
 * @param snippetsPerItem  passages shown per item and query
 * @param snippetChars     characters per passage, the hit included
 * @param queriesPerHour   queries per reader per hour that get passages of restricted items at all
 * @param charsPerItemPerDay characters of one item a reader may see in passages per day, counted once
 *                           however often the same passage is shown again (so many queries cannot
 *                           piece the text together)
 */
public record SnippetLimits(int snippetsPerItem, int snippetChars, int queriesPerHour, int charsPerItemPerDay) {
    public static final SnippetLimits DEFAULT = new SnippetLimits(2, 50, 120, 400);

    public SnippetLimits {
        if (snippetsPerItem < 0 || snippetChars < 1 || queriesPerHour < 0 || charsPerItemPerDay < 0) {
            throw new IllegalArgumentException("snippet limits must not be negative");
        }
    }
}

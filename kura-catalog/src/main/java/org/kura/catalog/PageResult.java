package org.kura.catalog;

/** What a committed page did. {@code received = stored + unchanged + deleted + quarantined}. */
public record PageResult(int received, int stored, int unchanged, int deleted, int quarantined) {
}

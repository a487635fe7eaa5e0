package org.kura.lod.doi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kura.catalog.CatalogSettings;
import org.kura.catalog.CatalogStore;
import org.kura.catalog.CatalogStores;
import org.kura.catalog.DoiEntry;
import org.kura.catalog.ItemEntry;
import org.kura.model.AccessTier;

/** Minting on a real (H2) catalog: one DOI per item, idempotent, case-insensitively unique. */
class DoiMinterTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    CatalogStore store;

    @BeforeEach
    void open() {
        store = CatalogStores.open(CatalogSettings.h2(dir));
        for (String id : new String[] {"book-a", "book-b", "Book-A"}) {
            store.saveItem(new ItemEntry(id, "ndl", "rec-" + id, AccessTier.PUBLIC, null, 3, Instant.parse("2026-01-01T00:00:00Z")));
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void mintingTwiceGivesTheSameDoi() {
        DoiMinter minter = new DoiMinter(store, new DoiPattern("10.99999", "{provider}.{yyyy}.{seq}"), CLOCK);
        DoiEntry first = minter.mint("book-b");
        assertThat(first.doi()).isEqualTo("10.99999/ndl.2026.1");
        assertThat(minter.mint("book-b")).isEqualTo(first);
        // a later change of pattern does not renumber what was minted
        DoiMinter other = new DoiMinter(store, new DoiPattern("10.99999", "x.{item}"), CLOCK);
        assertThat(other.mint("book-b").doi()).isEqualTo("10.99999/ndl.2026.1");
        assertThat(store.doi("10.99999/NDL.2026.1")).map(DoiEntry::recordIdentifier).hasValue("rec-book-b");
    }

    @Test
    void mintAllGivesEveryItemOneDoiAndIsIdempotent() {
        DoiMinter minter = new DoiMinter(store, new DoiPattern("10.99999", "kura.{seq}"), CLOCK);
        assertThat(minter.mintAll()).extracting(DoiEntry::itemId).containsExactly("Book-A", "book-a", "book-b");
        assertThat(minter.mintAll()).extracting(DoiEntry::doi).containsExactly("10.99999/kura.1", "10.99999/kura.2", "10.99999/kura.3");
        assertThat(store.dois(0, 100)).hasSize(3);
    }

    @Test
    void itemIdsThatDifferOnlyInCaseCannotShareADoi() {
        DoiMinter minter = new DoiMinter(store, new DoiPattern("10.99999", "kura.{item}"), CLOCK);
        assertThat(minter.mint("book-a").doi()).isEqualTo("10.99999/kura.book-a");
        assertThatThrownBy(() -> minter.mint("Book-A")).isInstanceOf(DoiException.class)
                .hasMessageContaining("already assigned to item book-a");
        assertThat(store.doiOfItem("Book-A")).isEmpty();
    }

    @Test
    void unknownItemsAreNotFound() {
        DoiMinter minter = new DoiMinter(store, new DoiPattern("10.99999", "kura.{item}"), CLOCK);
        assertThatThrownBy(() -> minter.mint("nope")).isInstanceOf(DoiException.class)
                .satisfies(e -> assertThat(((DoiException) e).reason()).isEqualTo(DoiException.Reason.NOT_FOUND));
    }
}

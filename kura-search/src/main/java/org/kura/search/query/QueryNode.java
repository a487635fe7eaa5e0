package org.kura.search.query;

import java.util.List;

/**
 * One internal query model that Kura's own syntax and CQL (SRU) both parse into, and that is
 * translated to Solr in one place ({@link SolrQueryWriter}) with every user string escaped.
 */
public sealed interface QueryNode {

    /** A word or phrase, in one field ({@code field} from {@link Fields}) or anywhere (null). */
    record Term(String field, String text, boolean phrase) implements QueryNode {
    }

    /** An inclusive range on a numeric field (year); either end may be null (open). */
    record Range(String field, Integer from, Integer to) implements QueryNode {
    }

    record And(List<QueryNode> clauses) implements QueryNode {
    }

    record Or(List<QueryNode> clauses) implements QueryNode {
    }

    record Not(QueryNode clause) implements QueryNode {
    }

    /** Everything. */
    record All() implements QueryNode {
    }
}

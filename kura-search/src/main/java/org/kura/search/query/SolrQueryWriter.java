package org.kura.search.query;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The internal query model as an edismax query string. Every user string is escaped (quotes,
 * backslashes, Lucene operators, braces), so nothing the user typed can become Solr syntax or
 * local parameters; fields are only the names Kura emits (and the request handler allows, {@code uf}).
 */
public final class SolrQueryWriter {
    private SolrQueryWriter() {
    }

    public static String write(QueryNode n) {
        if (n instanceof QueryNode.Term t) {
            return term(t);
        }
        if (n instanceof QueryNode.Range r) {
            return r.field() + ":[" + (r.from() == null ? "*" : r.from()) + " TO " + (r.to() == null ? "*" : r.to()) + "]";
        }
        if (n instanceof QueryNode.And a) {
            return join(a.clauses(), " AND ");
        }
        if (n instanceof QueryNode.Or o) {
            return join(o.clauses(), " OR ");
        }
        if (n instanceof QueryNode.Not x) {
            return "-" + write(x.clause()); // edismax adds match-all to a query that is only negative
        }
        return "*:*";
    }

    private static String join(List<QueryNode> clauses, String op) {
        // "a AND -b": the negation joins the conjunction without an operator of its own
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < clauses.size(); i++) {
            QueryNode c = clauses.get(i);
            if (i > 0) {
                sb.append(c instanceof QueryNode.Not && op.equals(" AND ") ? " " : op);
            }
            sb.append(write(c));
        }
        return sb.append(')').toString();
    }

    private static String term(QueryNode.Term t) {
        String field = t.field();
        String text = field != null && (field.equals("isbn") || field.equals("issn") || field.equals("doi")
                || field.equals("ncid") || field.equals("jpno")) ? identifier(field, t.text()) : t.text();
        String body;
        if (t.phrase()) {
            body = "\"" + escapePhrase(text) + "\"";
        } else {
            String[] words = text.strip().split("\\s+");
            body = words.length == 1 ? escape(words[0])
                    : java.util.Arrays.stream(words).map(SolrQueryWriter::escape).collect(Collectors.joining(" AND ", "(", ")"));
        }
        return field == null ? body : "q_" + field + ":" + body;
    }

    /** Identifiers are matched normalized (ISBN-13 for ISBNs, lower-case DOIs). */
    private static String identifier(String field, String value) {
        org.kura.model.IdentifierType type = switch (field) {
            case "isbn" -> org.kura.model.IdentifierType.ISBN;
            case "issn" -> org.kura.model.IdentifierType.ISSN;
            case "doi" -> org.kura.model.IdentifierType.DOI;
            case "ncid" -> org.kura.model.IdentifierType.NCID;
            default -> org.kura.model.IdentifierType.JPNO;
        };
        return org.kura.model.Identifiers.normalize(type, value).value();
    }

    /** Escapes Lucene and edismax syntax characters, and words that are operators. */
    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            if ("\\+-!():^[]\"{}~*?|&/ ".indexOf(c) >= 0 || Character.isWhitespace(c)) {
                sb.append('\\');
            }
            sb.append(c);
        }
        String out = sb.toString();
        if (out.equals("AND") || out.equals("OR") || out.equals("NOT") || out.equals("TO")) {
            return out.toLowerCase(java.util.Locale.ROOT);
        }
        return out;
    }

    private static String escapePhrase(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}

package org.kura.search.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Kura's search-box syntax: words are ANDed; {@code "quoted phrases"}; {@code OR} between words;
 * {@code -word} or {@code NOT word} excludes; {@code field:value} and {@code field:"phrase"} for title,
 * creator, subject, publisher, isbn, issn, doi, ncid, jpno, ndc, provider, type, language;
 * {@code year:1900-1950}, {@code year:1900-}, {@code year:1965}. Parentheses group. Anything the
 * syntax does not know (unbalanced quotes, {@code {!…}}, unknown fields) is searched as text, never
 * passed on as syntax: this parser never fails on user input.
 */
public final class KuraQueryParser {
    /** Longer queries are cut: no one types more, and it bounds the work a query can cause. */
    public static final int MAX_LENGTH = 1000;

    private List<String> tokens;
    private int pos;

    public QueryNode parse(String input) {
        String q = clean(input);
        tokens = tokenize(q);
        pos = 0;
        if (tokens.isEmpty()) {
            return new QueryNode.All();
        }
        QueryNode n = orExpr();
        while (pos < tokens.size()) { // stray ")"
            pos++;
            QueryNode rest = pos < tokens.size() ? orExpr() : null;
            if (rest != null) {
                n = new QueryNode.And(List.of(n, rest));
            }
        }
        return n;
    }

    /** Control characters out, length bounded, invalid surrogates replaced. */
    static String clean(String input) {
        if (input == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        input.codePoints().limit(MAX_LENGTH).forEach(cp -> {
            if (Character.isISOControl(cp) || cp >= 0xD800 && cp <= 0xDFFF) {
                sb.append(' ');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString().strip();
    }

    private QueryNode orExpr() {
        List<QueryNode> parts = new ArrayList<>();
        parts.add(andExpr());
        while (pos < tokens.size() && tokens.get(pos).equals("OR")) {
            pos++;
            if (pos < tokens.size() && !tokens.get(pos).equals(")")) {
                parts.add(andExpr());
            }
        }
        return parts.size() == 1 ? parts.get(0) : new QueryNode.Or(parts);
    }

    private QueryNode andExpr() {
        List<QueryNode> parts = new ArrayList<>();
        while (pos < tokens.size()) {
            String t = tokens.get(pos);
            if (t.equals("OR") || t.equals(")")) {
                break;
            }
            if (t.equals("AND")) {
                pos++;
                continue;
            }
            QueryNode u = unary();
            if (u != null) {
                parts.add(u);
            }
        }
        if (parts.isEmpty()) {
            return new QueryNode.All();
        }
        return parts.size() == 1 ? parts.get(0) : new QueryNode.And(parts);
    }

    private QueryNode unary() {
        String t = tokens.get(pos++);
        if (t.equals("NOT") && pos < tokens.size()) {
            return new QueryNode.Not(unary());
        }
        if (t.equals("(")) {
            QueryNode inner = pos < tokens.size() ? orExpr() : new QueryNode.All();
            if (pos < tokens.size() && tokens.get(pos).equals(")")) {
                pos++;
            }
            return inner;
        }
        if (t.length() > 1 && t.startsWith("-")) {
            QueryNode n = term(t.substring(1));
            return n == null ? null : new QueryNode.Not(n);
        }
        return term(t);
    }

    private static QueryNode term(String t) {
        int colon = t.indexOf(':');
        if (colon > 0 && colon < t.length() - 1) {
            var field = Fields.kura(t.substring(0, colon));
            if (field.isPresent()) {
                String value = t.substring(colon + 1);
                if (field.get().equals("year")) {
                    QueryNode range = yearRange(value);
                    if (range != null) {
                        return range;
                    }
                }
                boolean phrase = value.length() > 1 && value.startsWith("\"") && value.endsWith("\"");
                return new QueryNode.Term(field.get(), phrase ? value.substring(1, value.length() - 1) : value, phrase);
            }
        }
        if (t.length() > 1 && t.startsWith("\"") && t.endsWith("\"")) {
            String inner = t.substring(1, t.length() - 1).strip();
            return inner.isEmpty() ? null : new QueryNode.Term(null, inner, true);
        }
        String text = t.replace("\"", "").strip();
        if (text.isEmpty()) {
            return null;
        }
        // A bare identifier (ISBN, DOI, ISSN, even as a resolver URL) is searched as that identifier
        var id = org.kura.model.Identifiers.detect(text);
        if (id.isPresent() && id.get().valid()) {
            String field = switch (id.get().type()) {
                case ISBN -> "isbn";
                case DOI -> "doi";
                case ISSN -> "issn";
                case NCID -> "ncid";
                default -> null;
            };
            if (field != null) {
                return new QueryNode.Term(field, id.get().value(), false);
            }
        }
        return new QueryNode.Term(null, text, false);
    }

    static QueryNode yearRange(String v) {
        var m = java.util.regex.Pattern.compile("(\\d{1,4})?\\s*[-‐～~]\\s*(\\d{1,4})?|(\\d{1,4})").matcher(v.strip());
        if (!m.matches()) {
            return null;
        }
        if (m.group(3) != null) {
            int y = Integer.parseInt(m.group(3));
            return new QueryNode.Range("year", y, y);
        }
        Integer from = m.group(1) == null ? null : Integer.parseInt(m.group(1));
        Integer to = m.group(2) == null ? null : Integer.parseInt(m.group(2));
        return from == null && to == null ? null : new QueryNode.Range("year", from, to);
    }

    /** Splits on white space, keeping quoted phrases (also after field:) and parentheses apart. */
    static List<String> tokenize(String q) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                cur.append(c);
            } else if (!quoted && (Character.isWhitespace(c) || c == '\u3000')) {
                flush(out, cur);
            } else if (!quoted && (c == '(' || c == ')') && (cur.length() == 0 || c == ')')) {
                flush(out, cur);
                out.add(String.valueOf(c));
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            // unbalanced quote: search the words as words
            String last = cur.toString().replace("\"", " ");
            cur.setLength(0);
            for (String w : last.split("\\s+")) {
                if (!w.isBlank()) {
                    out.add(w);
                }
            }
        }
        flush(out, cur);
        return out;
    }

    private static void flush(List<String> out, StringBuilder cur) {
        if (cur.length() > 0) {
            out.add(cur.toString());
            cur.setLength(0);
        }
    }
}

package org.kura.search.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CQL (Contextual Query Language 1.2, https://www.loc.gov/standards/sru/cql/) into the internal
 * query model, for SRU: {@code index relation term}, bare terms (cql.serverChoice), {@code and},
 * {@code or}, {@code not} left to right, parentheses; relations {@code = == adj all any <> < > <= >=
 * within}; relation modifiers are accepted and ignored. Unlike the search box, CQL is strict: a
 * syntax error or an unsupported index throws {@link QuerySyntaxException} (SRU diagnostics 10, 16, 19).
 */
public final class CqlParser {
    private List<Token> tokens;
    private int pos;

    private record Token(String text, boolean quoted, int at) {
        boolean is(String s) {
            return !quoted && text.equalsIgnoreCase(s);
        }
    }

    public QueryNode parse(String cql) {
        if (cql == null || cql.isBlank()) {
            throw new QuerySyntaxException("empty CQL query", 0);
        }
        if (cql.length() > 4000) {
            throw new QuerySyntaxException("CQL query longer than 4000 characters", 4000);
        }
        tokens = tokenize(cql);
        pos = 0;
        QueryNode n = query();
        if (pos < tokens.size()) {
            throw new QuerySyntaxException("unexpected '" + tokens.get(pos).text() + "'", tokens.get(pos).at());
        }
        return n;
    }

    private QueryNode query() {
        QueryNode left = clause();
        while (pos < tokens.size()) {
            Token t = tokens.get(pos);
            if (t.is("and") || t.is("or") || t.is("not")) {
                pos++;
                skipModifiers();
                QueryNode right = clause();
                left = t.is("and") ? new QueryNode.And(List.of(left, right))
                        : t.is("or") ? new QueryNode.Or(List.of(left, right))
                        : new QueryNode.And(List.of(left, new QueryNode.Not(right)));
            } else if (t.is("prox")) {
                throw new QuerySyntaxException("the prox operator is not supported", t.at());
            } else {
                break;
            }
        }
        return left;
    }

    private QueryNode clause() {
        if (pos >= tokens.size()) {
            throw new QuerySyntaxException("query ends where a search term was expected", -1);
        }
        Token t = tokens.get(pos);
        if (t.is("(")) {
            pos++;
            QueryNode inner = query();
            if (pos >= tokens.size() || !tokens.get(pos).is(")")) {
                throw new QuerySyntaxException("missing ')'", t.at());
            }
            pos++;
            return inner;
        }
        if (t.is(")")) {
            throw new QuerySyntaxException("unexpected ')'", t.at());
        }
        pos++;
        if (pos < tokens.size() && isRelation(tokens.get(pos))) {
            Token rel = tokens.get(pos++);
            skipModifiers();
            if (pos >= tokens.size()) {
                throw new QuerySyntaxException("missing search term after " + t.text() + " " + rel.text(), rel.at());
            }
            Token term = tokens.get(pos++);
            String field = Fields.cql(t.text()).orElseThrow(() ->
                    new QuerySyntaxException("unsupported index: " + t.text(), t.at()));
            return searchClause(field.isEmpty() ? null : field, rel, term);
        }
        return new QueryNode.Term(null, t.text(), t.quoted() && t.text().contains(" "));
    }

    private QueryNode searchClause(String field, Token rel, Token term) {
        String r = rel.text().toLowerCase(Locale.ROOT);
        String v = term.text();
        if ("year".equals(field)) {
            return yearClause(r, v, rel);
        }
        List<String> words = List.of(v.strip().split("\\s+"));
        return switch (r) {
            case "=", "==", "adj", "exact" -> new QueryNode.Term(field, v, words.size() > 1);
            case "all" -> words.size() == 1 ? new QueryNode.Term(field, v, false)
                    : new QueryNode.And(words.stream().map(w -> (QueryNode) new QueryNode.Term(field, w, false)).toList());
            case "any" -> words.size() == 1 ? new QueryNode.Term(field, v, false)
                    : new QueryNode.Or(words.stream().map(w -> (QueryNode) new QueryNode.Term(field, w, false)).toList());
            case "<>" -> new QueryNode.Not(new QueryNode.Term(field, v, words.size() > 1));
            default -> throw new QuerySyntaxException("unsupported relation " + rel.text() + " for a text index", rel.at());
        };
    }

    private static QueryNode yearClause(String r, String v, Token rel) {
        try {
            if (r.equals("within")) {
                String[] p = v.strip().split("\\s+");
                if (p.length != 2) {
                    throw new QuerySyntaxException("within needs two years, e.g. \"1900 1950\"", rel.at());
                }
                return new QueryNode.Range("year", Integer.parseInt(p[0]), Integer.parseInt(p[1]));
            }
            int y = Integer.parseInt(v.strip().length() > 4 ? v.strip().substring(0, 4) : v.strip());
            return switch (r) {
                case "=", "==", "adj", "all", "any" -> new QueryNode.Range("year", y, y);
                case "<" -> new QueryNode.Range("year", null, y - 1);
                case "<=" -> new QueryNode.Range("year", null, y);
                case ">" -> new QueryNode.Range("year", y + 1, null);
                case ">=" -> new QueryNode.Range("year", y, null);
                case "<>" -> new QueryNode.Not(new QueryNode.Range("year", y, y));
                default -> throw new QuerySyntaxException("unsupported relation " + r + " for dates", rel.at());
            };
        } catch (NumberFormatException e) {
            throw new QuerySyntaxException("not a year: " + v, rel.at());
        }
    }

    private static boolean isRelation(Token t) {
        if (t.quoted()) {
            return false;
        }
        String s = t.text().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "=", "==", "<>", "<", ">", "<=", ">=", "adj", "all", "any", "within", "exact" -> true;
            default -> false;
        };
    }

    private void skipModifiers() {
        while (pos < tokens.size() && tokens.get(pos).is("/")) {
            pos++;
            if (pos < tokens.size()) {
                pos++; // modifier name
            }
            if (pos + 1 < tokens.size() && isComparison(tokens.get(pos))) {
                pos += 2; // = value
            }
        }
    }

    private static boolean isComparison(Token t) {
        return !t.quoted() && (t.text().equals("=") || t.text().equals("==") || t.text().equals("<>")
                || t.text().equals("<") || t.text().equals(">") || t.text().equals("<=") || t.text().equals(">="));
    }

    static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                StringBuilder sb = new StringBuilder();
                int start = i++;
                while (i < s.length() && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                        i++;
                    }
                    sb.append(s.charAt(i++));
                }
                if (i >= s.length()) {
                    throw new QuerySyntaxException("unterminated quoted string", start);
                }
                i++;
                out.add(new Token(sb.toString(), true, start));
            } else if (c == '(' || c == ')' || c == '/') {
                out.add(new Token(String.valueOf(c), false, i++));
            } else if (c == '=' || c == '<' || c == '>') {
                int start = i;
                StringBuilder sb = new StringBuilder().append(c);
                i++;
                if (i < s.length() && (s.charAt(i) == '=' || c == '<' && s.charAt(i) == '>')) {
                    sb.append(s.charAt(i++));
                }
                out.add(new Token(sb.toString(), false, start));
            } else {
                int start = i;
                while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "()=<>/\"".indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                out.add(new Token(s.substring(start, i), false, start));
            }
        }
        return out;
    }
}

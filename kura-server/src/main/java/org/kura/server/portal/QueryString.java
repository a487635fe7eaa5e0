package org.kura.server.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parameters of a portal URL as an ordered list of name/value pairs, changed by returning new
 * copies: the results page builds every facet, sort and page link from the current one.
 */
public final class QueryString {
    private record Param(String name, String value) {
    }

    private final List<Param> params;

    private QueryString(List<Param> params) {
        this.params = List.copyOf(params);
    }

    public static QueryString of(Map<String, List<String>> map) {
        List<Param> out = new ArrayList<>();
        map.forEach((k, vs) -> vs.forEach(v -> out.add(new Param(k, v))));
        return new QueryString(out);
    }

    public String get(String name) {
        return params.stream().filter(p -> p.name.equals(name)).map(Param::value).findFirst().orElse(null);
    }

    public List<String> all(String name) {
        return params.stream().filter(p -> p.name.equals(name)).map(Param::value).toList();
    }

    public boolean has(String name, String value) {
        return params.stream().anyMatch(p -> p.name.equals(name) && p.value.equals(value));
    }

    /** Without every value of {@code name}. */
    public QueryString without(String name) {
        return new QueryString(params.stream().filter(p -> !p.name.equals(name)).toList());
    }

    /** Without {@code name=value}. */
    public QueryString without(String name, String value) {
        return new QueryString(params.stream().filter(p -> !(p.name.equals(name) && p.value.equals(value))).toList());
    }

    /** With {@code name=value} added (kept once). */
    public QueryString plus(String name, String value) {
        if (has(name, value)) {
            return this;
        }
        List<Param> out = new ArrayList<>(params);
        out.add(new Param(name, value));
        return new QueryString(out);
    }

    /** With {@code name} set to {@code value} only (removed when value is null). */
    public QueryString with(String name, String value) {
        QueryString q = without(name);
        return value == null ? q : q.plus(name, value);
    }

    /** {@code name} added when absent, removed when present: the link of a multi-select facet value. */
    public QueryString toggle(String name, String value) {
        return has(name, value) ? without(name, value) : plus(name, value);
    }

    public String url(String path) {
        if (params.isEmpty()) {
            return path;
        }
        StringBuilder sb = new StringBuilder(path).append('?');
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            sb.append(i == 0 ? "" : "&").append(enc(p.name)).append('=').append(enc(p.value));
        }
        return sb.toString();
    }

    static String enc(String s) {
        return URLEncoder.encode(Objects.requireNonNullElse(s, ""), StandardCharsets.UTF_8);
    }
}

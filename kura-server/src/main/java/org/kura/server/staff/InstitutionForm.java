package org.kura.server.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.kura.catalog.Institution;

/**
 * A registered institution as staff type it: ISIL, name, country and address ranges (one per line, each
 * a literal CIDR range or address, IPv4 or IPv6), kept as typed to show the form again with what is
 * wrong next to each field.
 */
public record InstitutionForm(String isil, String name, String country, String ipRanges, boolean issueKey,
                              List<String> ranges, List<FieldProblem> problems) {

    public static InstitutionForm empty() {
        return new InstitutionForm("", "", "", "", false, List.of(), List.of());
    }

    /** The form showing a stored institution. */
    public static InstitutionForm of(Institution i) {
        return new InstitutionForm(i.isil(), i.name(), i.country() == null ? "" : i.country(), String.join("\n", i.ipRanges()),
                false, i.ipRanges(), List.of());
    }

    /**
     * Reads and checks a posted form.
     *
     * @param isil the ISIL of the institution edited, or null when a new one is added (then read from the form)
     */
    public static InstitutionForm read(Function<String, String> field, String isil) {
        List<FieldProblem> problems = new ArrayList<>();
        String id = isil != null ? isil : Fields.text(field, "isil");
        Fields.isil(id, "isil", true, problems);
        String name = Fields.text(field, "name");
        Fields.required(name, "name", 300, problems);
        String country = Fields.text(field, "country");
        Fields.country(country, problems);
        String text = Fields.text(field, "ipRanges");
        List<String> ranges = Fields.ranges(text, false, problems);
        return new InstitutionForm(id, name, country, text, Fields.ticked(field, "issueKey"), List.copyOf(ranges), List.copyOf(problems));
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    String countryCode() {
        return country.isEmpty() ? null : country.toUpperCase(java.util.Locale.ROOT);
    }

    public InstitutionForm with(FieldProblem problem) {
        List<FieldProblem> all = new ArrayList<>(problems);
        all.add(problem);
        return new InstitutionForm(isil, name, country, ipRanges, issueKey, ranges, List.copyOf(all));
    }
}

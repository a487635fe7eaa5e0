package org.kura.server.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.kura.catalog.Passwords;

/**
 * A registered reader as staff type it (the add and edit forms, the JSON API): the values as given, kept
 * to show the form again, and what is wrong with them. The password is optional: left blank, a one-time
 * password is made and shown once.
 */
public record ReaderForm(String name, String displayName, String country, boolean printDisabled, String password,
                         List<FieldProblem> problems) {
    static final String NAME = "[a-z0-9][a-z0-9._-]{0,63}";

    /** An empty form for a new reader. */
    public static ReaderForm empty() {
        return new ReaderForm("", "", "", false, "", List.of());
    }

    /**
     * Reads and checks a posted form.
     *
     * @param field a field's value by name (null when absent)
     * @param isNew whether a new reader is added (the name and password are only read then)
     */
    public static ReaderForm read(Function<String, String> field, boolean isNew) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = Fields.text(field, "name");
        if (isNew) {
            if (name.isEmpty()) {
                problems.add(new FieldProblem("name", "staff.error.required", null));
            } else if (!name.matches(NAME)) {
                problems.add(new FieldProblem("name", "staff.error.readerName", name));
            }
        }
        String displayName = Fields.text(field, "displayName");
        Fields.optional(displayName, "displayName", 200, problems);
        String country = Fields.text(field, "country");
        Fields.country(country, problems);
        String password = isNew && field.apply("password") != null ? field.apply("password") : "";
        if (!password.isEmpty()) {
            try {
                Passwords.check(password);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("password", "staff.error.password", null));
            }
        }
        return new ReaderForm(name, displayName, country, Fields.ticked(field, "printDisabled"), password, List.copyOf(problems));
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /** The country as stored: upper case, or null. */
    String countryCode() {
        return country.isEmpty() ? null : country.toUpperCase(java.util.Locale.ROOT);
    }

    /** The same values with one more problem (a name already taken). */
    public ReaderForm with(FieldProblem problem) {
        List<FieldProblem> all = new ArrayList<>(problems);
        all.add(problem);
        return new ReaderForm(name, displayName, country, printDisabled, "", List.copyOf(all));
    }
}

package org.kura.server.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.kura.catalog.Terminal;

/**
 * An on-site terminal as staff type it: id, name, the institution it stands in (an ISIL, optional) and
 * its address ranges (required: a terminal is recognised by nothing else).
 */
public record TerminalForm(String id, String name, String isil, String ipRanges, List<String> ranges, List<FieldProblem> problems) {
    static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    public static TerminalForm empty() {
        return new TerminalForm("", "", "", "", List.of(), List.of());
    }

    public static TerminalForm of(Terminal t) {
        return new TerminalForm(t.id(), t.name(), t.isil() == null ? "" : t.isil(), String.join("\n", t.ipRanges()), t.ipRanges(), List.of());
    }

    /** @param id the id of the terminal edited, or null when a new one is added (then read from the form) */
    public static TerminalForm read(Function<String, String> field, String id) {
        List<FieldProblem> problems = new ArrayList<>();
        String tid = id != null ? id : Fields.text(field, "id");
        if (tid.isEmpty()) {
            problems.add(new FieldProblem("id", "staff.error.required", null));
        } else if (!tid.matches(ID)) {
            problems.add(new FieldProblem("id", "staff.error.terminalId", tid));
        }
        String name = Fields.text(field, "name");
        Fields.required(name, "name", 300, problems);
        String isil = Fields.text(field, "isil");
        Fields.isil(isil, "isil", false, problems);
        String text = Fields.text(field, "ipRanges");
        List<String> ranges = Fields.ranges(text, true, problems);
        return new TerminalForm(tid, name, isil, text, List.copyOf(ranges), List.copyOf(problems));
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    public TerminalForm with(FieldProblem problem) {
        List<FieldProblem> all = new ArrayList<>(problems);
        all.add(problem);
        return new TerminalForm(id, name, isil, ipRanges, ranges, List.copyOf(all));
    }
}

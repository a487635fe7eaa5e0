package org.kura.server.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kura.server.staff.FieldProblem;

/** The problems of a staff form in the page's language, by field, for the templates to show next to each field. */
final class FieldErrors {
    private FieldErrors() {
    }

    static Map<String, String> of(List<FieldProblem> problems, PortalPage page) {
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldProblem p : problems) {
            String text = page.t(p.key(), p.value() == null ? "" : p.value());
            out.merge(p.field(), text, (a, b) -> a + " " + b);
        }
        return out;
    }

    /** The notice after a change ({@code ?message=saved|disabled|enabled|removed}), or null. */
    static String done(String message, PortalPage page) {
        return message != null && List.of("saved", "disabled", "enabled", "removed").contains(message) ? page.t("staff.done." + message) : null;
    }
}

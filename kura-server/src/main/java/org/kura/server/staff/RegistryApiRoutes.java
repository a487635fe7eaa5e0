package org.kura.server.staff;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kura.catalog.Institution;
import org.kura.catalog.Reader;
import org.kura.server.ApiAccess;
import org.kura.server.ProblemException;
import org.kura.server.RouteGroup;

/**
 * The registry of readers and institutions for programs (admin token, like every {@code /api/admin} route);
 * the same operations and checks as the staff pages.
 * <pre>
 * GET    /api/admin/readers?q=&amp;disabled=true|false   readers (never their password hashes)
 * POST   /api/admin/readers                  {"name", "displayName", "country", "printDisabled", "password"?} → 201, with a
 *                                            one-time "password" when none was given
 * PUT    /api/admin/readers/{name}           {"displayName", "country", "printDisabled", "disabled"}
 * DELETE /api/admin/readers/{name}
 * GET    /api/admin/institutions             institutions (whether they have a key, never the key)
 * POST   /api/admin/institutions             {"isil", "name", "country", "ipRanges": [..], "issueKey"} → 201, with "key" once
 * PUT    /api/admin/institutions/{isil}      {"name", "country", "ipRanges"}
 * POST   /api/admin/institutions/{isil}/key  a new key (the old one stops working) → {"key"}
 * DELETE /api/admin/institutions/{isil}
 * </pre>
 */
public final class RegistryApiRoutes implements RouteGroup {
    private final Registrations registry;
    private final Function<FieldProblem, String> describe;
    private final List<String> trustedProxies;

    /** @param describe a problem of a field in words (the portal's English messages) */
    public RegistryApiRoutes(Registrations registry, Function<FieldProblem, String> describe, List<String> trustedProxies) {
        this.registry = registry;
        this.describe = describe;
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/api/admin/readers", ctx -> {
            String d = ctx.queryParam("disabled");
            ctx.json(registry.readers(ctx.queryParam("q"), d == null ? null : Boolean.valueOf(d)).stream().map(RegistryApiRoutes::json).toList());
        });
        app.post("/api/admin/readers", this::addReader);
        app.put("/api/admin/readers/{name}", this::updateReader);
        app.delete("/api/admin/readers/{name}", ctx -> {
            if (!registry.removeReader(ctx.pathParam("name"), client(ctx))) {
                throw ProblemException.notFound("no reader " + ctx.pathParam("name"));
            }
            ctx.status(204);
        });
        app.get("/api/admin/institutions", ctx -> ctx.json(registry.institutions().stream().map(RegistryApiRoutes::json).toList()));
        app.post("/api/admin/institutions", this::addInstitution);
        app.put("/api/admin/institutions/{isil}", this::updateInstitution);
        app.post("/api/admin/institutions/{isil}/key", ctx -> {
            String key = registry.rotateKey(ctx.pathParam("isil"), client(ctx))
                    .orElseThrow(() -> ProblemException.notFound("no institution " + ctx.pathParam("isil")));
            ctx.json(Map.of("isil", ctx.pathParam("isil"), "key", key, "note", "the key is shown only now; send it as X-Institution-Key"));
        });
        app.delete("/api/admin/institutions/{isil}", ctx -> {
            if (!registry.removeInstitution(ctx.pathParam("isil"), client(ctx))) {
                throw ProblemException.notFound("no institution " + ctx.pathParam("isil"));
            }
            ctx.status(204);
        });
    }

    private void addReader(Context ctx) {
        ReaderForm form = ReaderForm.read(body(ctx), true);
        check(form.problems());
        if (registry.reader(form.name()).isPresent()) {
            throw new ProblemException(409, "Conflict", "the reader " + form.name() + " exists");
        }
        String made = registry.addReader(form, client(ctx)).orElse(null);
        Map<String, Object> out = json(registry.reader(form.name()).orElseThrow());
        if (made != null) {
            out.put("password", made);
            out.put("note", "the one-time password is shown only now");
        }
        ctx.status(201).json(out);
    }

    private void updateReader(Context ctx) {
        String name = ctx.pathParam("name");
        Function<String, String> body = body(ctx);
        ReaderForm form = ReaderForm.read(body, false);
        check(form.problems());
        if (!registry.updateReader(name, form, client(ctx))) {
            throw ProblemException.notFound("no reader " + name);
        }
        if (body.apply("disabled") != null) {
            registry.setDisabled(name, Boolean.parseBoolean(body.apply("disabled")), client(ctx));
        }
        ctx.json(json(registry.reader(name).orElseThrow()));
    }

    private void addInstitution(Context ctx) {
        InstitutionForm form = InstitutionForm.read(body(ctx), null);
        check(form.problems());
        if (registry.institution(form.isil()).isPresent()) {
            throw new ProblemException(409, "Conflict", "the institution " + form.isil() + " exists");
        }
        String key = registry.addInstitution(form, client(ctx)).orElse(null);
        Map<String, Object> out = json(registry.institution(form.isil()).orElseThrow());
        if (key != null) {
            out.put("key", key);
            out.put("note", "the key is shown only now; send it as X-Institution-Key");
        }
        ctx.status(201).json(out);
    }

    private void updateInstitution(Context ctx) {
        String isil = ctx.pathParam("isil");
        InstitutionForm form = InstitutionForm.read(body(ctx), isil);
        check(form.problems());
        if (!registry.updateInstitution(isil, form, client(ctx))) {
            throw ProblemException.notFound("no institution " + isil);
        }
        ctx.json(json(registry.institution(isil).orElseThrow()));
    }

    private void check(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest(problems.stream().map(p -> p.field() + ": " + describe.apply(p)).collect(Collectors.joining(" ")));
        }
    }

    /** A JSON object's members as form fields: a list becomes lines, anything else its text. */
    private static Function<String, String> body(Context ctx) {
        Map<?, ?> body;
        try {
            body = ctx.bodyAsClass(Map.class);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("send a JSON object");
        }
        if (body == null) {
            throw ProblemException.badRequest("send a JSON object");
        }
        return name -> {
            Object v = body.get(name);
            if (v == null) {
                return null;
            }
            if (v instanceof List<?> l) {
                return l.stream().map(String::valueOf).collect(Collectors.joining("\n"));
            }
            return String.valueOf(v);
        };
    }

    private static Map<String, Object> json(Reader r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("displayName", r.displayName());
        m.put("country", r.country());
        m.put("printDisabled", r.printDisabled());
        m.put("disabled", r.disabled());
        m.put("created", r.createdAt() == null ? null : r.createdAt().toString());
        return m;
    }

    private static Map<String, Object> json(Institution i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("isil", i.isil());
        m.put("name", i.name());
        m.put("country", i.country());
        m.put("ipRanges", i.ipRanges());
        m.put("hasKey", i.keyHash() != null);
        m.put("created", i.createdAt() == null ? null : i.createdAt().toString());
        return m;
    }

    private String client(Context ctx) {
        return ApiAccess.clientAddress(ctx, trustedProxies);
    }
}

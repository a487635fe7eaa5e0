package org.kura.server.portal;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/** The portal's jte templates, compiled to classes at build time (src/main/jte). */
public final class PortalTemplates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput(16 * 1024);
        engine.render(template, params, out);
        return out.toString();
    }
}

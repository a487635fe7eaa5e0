package org.kura.server;

import io.javalin.http.Context;

/**
 * Renders an error as a page for a person in a browser (the portal), where the APIs answer
 * problem+json. Used for pages only: requests that accept HTML, outside the machine APIs.
 */
@FunctionalInterface
public interface HtmlErrorPage {
    void render(Context ctx, int status, String detail);
}

package org.kura.server;

import io.javalin.Javalin;

/** A set of routes with their collaborators, added to the server by the composition root. */
@FunctionalInterface
public interface RouteGroup {
    void addTo(Javalin app);
}

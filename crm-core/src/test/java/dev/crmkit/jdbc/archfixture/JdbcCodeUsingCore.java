package dev.crmkit.jdbc.archfixture;

import dev.crmkit.core.common.Actor;

/** A deliberate violation of rule 1 (an adapter using the core), used to show the rule can fail. */
public final class JdbcCodeUsingCore {
    Actor actor = Actor.system("fixture");
}

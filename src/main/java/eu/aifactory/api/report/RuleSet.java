package eu.aifactory.api.report;

import java.time.LocalDate;

/**
 * A version of the rules the site's indicators are compared with: a law in force or a draft.
 *
 * @param status      {@link #ENACTED} or {@link #PROPOSED}; a proposed rule set is not law
 * @param legalSource where the rules are published
 * @param publishedOn when that text was published
 */
public record RuleSet(String id, String name, String status, String legalSource, LocalDate publishedOn, String note) {

    public static final String ENACTED = "ENACTED";
    public static final String PROPOSED = "PROPOSED";
}

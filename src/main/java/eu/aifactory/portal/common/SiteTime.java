package eu.aifactory.portal.common;

import java.time.ZoneId;

/** The factory site's time zone: report periods are cut at site-local midnight, as the factory cuts them. */
public final class SiteTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private SiteTime() {
    }
}

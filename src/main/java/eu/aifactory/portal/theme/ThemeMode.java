package eu.aifactory.portal.theme;

/** The user's theme choice; {@link #SYSTEM} follows the operating system where it can tell. */
public enum ThemeMode {
    SYSTEM, LIGHT, DARK
}

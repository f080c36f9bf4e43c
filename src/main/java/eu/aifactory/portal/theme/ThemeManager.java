package eu.aifactory.portal.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import eu.aifactory.portal.common.TaskExecutor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Applies the light or dark AtlantaFX theme (Primer) for the user's {@link ThemeMode}. For {@link ThemeMode#SYSTEM}
 * it asks the operating system in the background and stays light until (and unless) the answer is "dark".
 * Runs on the UI thread.
 */
public final class ThemeManager {

    private final TaskExecutor executor;
    private final BooleanSupplier osPrefersDark;
    private final Consumer<String> userAgentStylesheet;

    private final ObjectProperty<ThemeMode> mode = new SimpleObjectProperty<>(this, "mode", ThemeMode.SYSTEM);
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper(this, "dark");
    private Boolean osDark;

    /** The production setup: Primer themes installed as the application's user agent stylesheet. */
    public ThemeManager(TaskExecutor executor, OsThemeDetector detector) {
        this(executor, detector::prefersDark, Application::setUserAgentStylesheet);
    }

    public ThemeManager(TaskExecutor executor, BooleanSupplier osPrefersDark, Consumer<String> userAgentStylesheet) {
        this.executor = executor;
        this.osPrefersDark = osPrefersDark;
        this.userAgentStylesheet = userAgentStylesheet;
        mode.addListener((obs, old, now) -> update());
        dark.addListener((obs, old, now) -> install());
    }

    /** Installs the theme for the current mode; call once on the UI thread before the first scene is shown. */
    public void start() {
        install();
        update();
    }

    public ObjectProperty<ThemeMode> modeProperty() {
        return mode;
    }

    /** True while the dark theme is installed. */
    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    public boolean isDark() {
        return dark.get();
    }

    private void update() {
        switch (mode.get()) {
            case LIGHT -> dark.set(false);
            case DARK -> dark.set(true);
            case SYSTEM -> {
                if (osDark != null) {
                    dark.set(osDark);
                } else {
                    executor.run(osPrefersDark::getAsBoolean, answer -> {
                        osDark = answer;
                        if (mode.get() == ThemeMode.SYSTEM) {
                            dark.set(answer);
                        }
                    }, failure -> osDark = false);
                }
            }
        }
    }

    private void install() {
        userAgentStylesheet.accept(dark.get() ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}

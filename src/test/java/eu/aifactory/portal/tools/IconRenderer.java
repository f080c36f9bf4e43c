package eu.aifactory.portal.tools;

import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * Renders the application icon to PNG at the sizes window managers and installers ask for, into {@code assets/icons}
 * and the portal's resources, plus the logo (icon and wordmark) into {@code assets/logo.png}.
 * Run: {@code mvn -Pscreenshots -Dtour.main=eu.aifactory.portal.tools.IconRenderer test-compile exec:exec}.
 */
public final class IconRenderer {

    static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256, 512};
    /** The largest icon the portal gives its window: every icon it gives is decoded and kept in memory. */
    private static final int WINDOW_MAX = 256;

    private IconRenderer() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath();
        Snapshots.run(() -> {
            for (int size : SIZES) {
                Node icon = Brand.icon(size);
                Snapshots.writeNode(icon, size, size, root.resolve("assets/icons/app-" + size + ".png"));
                if (size <= WINDOW_MAX) {
                    Snapshots.writeNode(Brand.icon(size), size, size,
                            root.resolve("src/main/resources/eu/aifactory/portal/icons/app-" + size + ".png"));
                }
            }
            Snapshots.writeNode(logo(), 600, 200, root.resolve("assets/logo.png"));
        });
    }

    /** Icon and wordmark, on a transparent background, dark text (for README and light documents). */
    static Node logo() {
        Label name = new Label("AI Factory");
        name.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 58));
        name.setTextFill(Color.web("#1f2328"));
        Label tagline = new Label("Tenant Portal \u00b7 Munich");
        tagline.setFont(Font.font("DejaVu Sans", 30));
        tagline.setTextFill(Brand.TEAL);
        VBox texts = new VBox(2, name, tagline);
        texts.setAlignment(Pos.CENTER_LEFT);
        HBox logo = new HBox(28, Brand.icon(160), texts);
        logo.setAlignment(Pos.CENTER_LEFT);
        logo.setPadding(new Insets(20));
        logo.setStyle("-fx-background-color: transparent;");
        return logo;
    }
}

package eu.aifactory.portal.tools;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.transform.Scale;

/**
 * The application icon drawn with JavaFX shapes, on the same 512 × 512 grid as {@code assets/icon.svg}: a
 * blue-to-teal rounded square holding a white GPU chip whose four cores include one green (renewable power).
 * The brand colours are fixed artwork, not theme colours, so they live here and in the SVG only.
 */
final class Brand {

    static final Color BLUE = Color.web("#0e4da4");
    static final Color TEAL = Color.web("#0a8f8f");
    static final Color GREEN = Color.web("#7ce0a3");

    private Brand() {
    }

    /** The icon at {@code size} pixels; small sizes drop the pins so the chip stays readable. */
    static Node icon(double size) {
        boolean small = size < 32;
        Rectangle background = new Rectangle(16, 16, 480, 480);
        background.setArcWidth(216);
        background.setArcHeight(216);
        background.setFill(new LinearGradient(0, 0, 1, 1, true, CycleMethod.NO_CYCLE,
                new Stop(0, BLUE), new Stop(1, TEAL)));

        Group chip = new Group();
        double inset = small ? 120 : 146;
        Rectangle body = new Rectangle(inset, inset, 512 - 2 * inset, 512 - 2 * inset);
        body.setArcWidth(56);
        body.setArcHeight(56);
        body.setFill(Color.TRANSPARENT);
        body.setStroke(Color.WHITE);
        body.setStrokeWidth(small ? 40 : 24);
        chip.getChildren().add(body);
        if (!small) {
            for (double at : new double[] {196, 256, 316}) {
                chip.getChildren().addAll(pin(at, 92, at, 134), pin(at, 378, at, 420),
                        pin(92, at, 134, at), pin(378, at, 420, at));
            }
        }
        double core = small ? 72 : 56;
        double gap = small ? 16 : 12;
        double start = 256 - core - gap / 2;
        for (int row = 0; row < 2; row++) {
            for (int column = 0; column < 2; column++) {
                Rectangle square = new Rectangle(start + column * (core + gap), start + row * (core + gap), core, core);
                square.setArcWidth(20);
                square.setArcHeight(20);
                square.setFill(row == 1 && column == 1 ? GREEN : Color.WHITE);
                chip.getChildren().add(square);
            }
        }
        // A transparent full-grid frame, so the node's bounds start at 0,0 and snapshots are not shifted.
        Rectangle frame = new Rectangle(0, 0, 512, 512);
        frame.setFill(Color.TRANSPARENT);
        Group icon = new Group(frame, background, chip);
        icon.getTransforms().add(new Scale(size / 512, size / 512, 0, 0));
        return new Group(icon);
    }

    private static Line pin(double x1, double y1, double x2, double y2) {
        Line line = new Line(x1, y1, x2, y2);
        line.setStroke(Color.WHITE);
        line.setStrokeWidth(20);
        line.setStrokeLineCap(StrokeLineCap.ROUND);
        return line;
    }
}

package eu.aifactory.portal.tools;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The JavaFX hello-world the portal's start-up is compared with: one label, one window, one marker line. */
public final class HelloFx extends Application {

    static final String FIRST_FRAME = "hello: first frame";

    /** The entry point; not in the Application subclass, so it runs from a plain classpath like the portal's Launcher. */
    public static final class Launch {
        private Launch() {
        }

        public static void main(String[] args) {
            Application.launch(HelloFx.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new StackPane(new Label("Hello, factory")), 640, 400);
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            System.out.println(FIRST_FRAME);
        };
        scene.addPostLayoutPulseListener(listener[0]);
        stage.setScene(scene);
        stage.show();
    }
}

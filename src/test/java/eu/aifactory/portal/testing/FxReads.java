package eu.aifactory.portal.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Reading the scene from a test: on the FX thread. A lookup from the test thread races the FX thread's changes to
 * the scene graph (a catalog grid re-laid out, a dialog closing) and fails inside {@code lookupAll} now and then.
 */
public final class FxReads {

    private FxReads() {
    }

    /** Runs {@code read} on the FX thread and returns what it read; its failure is rethrown unchecked. */
    public static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.github.pypimaven.maven;

import java.lang.reflect.Field;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;

/**
 * Whether Maven shows transfer progress: not under {@code -ntp} ({@code --no-transfer-progress}), {@code -q} or
 * {@code -l}, where every Maven version since 3.6.1 installs its {@code QuietMavenTransferListener}. Long uploads then
 * log no progress lines either, as Maven's own downloads log none.
 */
final class TransferProgress {

    private TransferProgress() {
    }

    static boolean shown(MavenSession session, Log log) {
        Object listener = session.getRequest().getTransferListener();
        boolean shown = !isQuiet(listener, 3);
        log.debug("Upload progress lines " + (shown ? "on" : "off") + " (Maven's transfer listener: "
                + (listener == null ? "none" : listener.getClass().getName()) + ")");
        return shown;
    }

    /**
     * Whether the listener is Maven's quiet one. Maven 4 wraps the listener its command line chose in one that also
     * reports build events, and offers no getter for it: its {@code delegate} field is read instead. Anything
     * unexpected means progress is shown, as without {@code -ntp}.
     */
    private static boolean isQuiet(Object listener, int depth) {
        if (listener == null || depth == 0) {
            return false;
        }
        if (listener.getClass().getSimpleName().equals("QuietMavenTransferListener")) {
            return true;
        }
        try {
            Field delegate = listener.getClass().getDeclaredField("delegate");
            delegate.setAccessible(true);
            return isQuiet(delegate.get(listener), depth - 1);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}

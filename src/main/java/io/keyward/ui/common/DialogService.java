package io.keyward.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every dialog goes through here, so ViewModels never touch the scene graph and tests can answer
 * dialogs with a fake. Each method blocks until the user closes the dialog (FX thread only).
 */
public interface DialogService {

    /** Shows the dialog and waits. @return its answer, empty when cancelled */
    <R> Optional<R> show(DialogView<?, R> view);

    /** A file to read, e.g. a PEM to import. @return empty when cancelled */
    Optional<Path> chooseFileToOpen(FileRequest request);

    /** Where to write a file, e.g. a generated private key. @return empty when cancelled */
    Optional<Path> chooseFileToSave(FileRequest request);

    /**
     * @param title       the chooser's title
     * @param initialName a suggested file name (saving only)
     * @param filters     "description|*.ext|*.ext2" entries, the first preselected
     */
    record FileRequest(String title, String initialName, List<String> filters) {
        public FileRequest {
            filters = filters == null ? List.of() : List.copyOf(filters);
        }
    }
}

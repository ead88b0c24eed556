package io.keyward.ui.common;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/** The real dialogs, owned by the main window. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public <R> Optional<R> show(DialogView<?, R> view) {
        return DialogFrames.growWithContent(view.build(owner.get())).showAndWait();
    }

    @Override
    public Optional<Path> chooseFileToOpen(FileRequest request) {
        File f = chooser(request).showOpenDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(FileRequest request) {
        FileChooser chooser = chooser(request);
        if (request.initialName() != null) {
            chooser.setInitialFileName(request.initialName());
        }
        File f = chooser.showSaveDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    private static FileChooser chooser(FileRequest request) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(request.title());
        for (String filter : request.filters()) {
            String[] parts = filter.split("\\|");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(parts[0],
                    Arrays.asList(parts).subList(1, parts.length)));
        }
        return chooser;
    }
}

package org.plenary.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a user's input file as text, refusing missing, special and oversized files with a clear problem. */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * The file's UTF-8 text.
     *
     * @param what what the file should be, for the "too large" message (e.g. "a scenario")
     */
    public static String readText(Path file, long maxBytes, String what) throws InputException {
        String where = file.toString();
        if (!Files.exists(file)) {
            throw new InputException(new Problem(where, 0, "", "file not found"));
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException(new Problem(where, 0, "", "not a regular file"));
        }
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new InputException(new Problem(where, 0, "", String.format(
                        "file is far too large for %s (%,d bytes; the limit is %,d)", what, size, maxBytes)));
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(new Problem(where, 0, "", "file not found"));
        } catch (IOException e) {
            throw new InputException(new Problem(where, 0, "", "cannot read the file: " + e.getMessage()));
        }
    }
}

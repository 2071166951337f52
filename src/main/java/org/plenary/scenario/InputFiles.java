package org.plenary.scenario;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a user's input file as text, refusing missing, special and oversized files with a clear problem. */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * The bytes as UTF-8 text, or a problem at the line and column of the first byte that is not UTF-8
     * (a file saved as Latin-1 or Windows-1252 by a spreadsheet, say).
     */
    public static String utf8(String where, byte[] bytes) throws InputException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        if (!result.isError()) {
            return out.toString();
        }
        String before = out.toString();
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        int column = before.length() - before.lastIndexOf('\n');
        throw new InputException(new Problem(where, line, "", String.format(
                "not valid UTF-8: byte 0x%02X at line %d, column %d (save the file as UTF-8)",
                bytes[in.position()] & 0xff, line, column)));
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
            return utf8(where, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new InputException(new Problem(where, 0, "", "file not found"));
        } catch (IOException e) {
            throw new InputException(new Problem(where, 0, "", "cannot read the file: " + e.getMessage()));
        }
    }
}

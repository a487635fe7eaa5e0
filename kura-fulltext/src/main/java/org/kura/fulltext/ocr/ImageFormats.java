package org.kura.fulltext.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Tells an image file's format from its first bytes. Tesseract is only given files that start like an
 * image: given anything else it reads the file as a list of image paths and recognizes those files
 * instead, so a page that is really a text file could make it read any file on the machine.
 */
final class ImageFormats {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] TIFF_LE = {'I', 'I', 42, 0};
    private static final byte[] TIFF_BE = {'M', 'M', 0, 42};
    private static final byte[] JP2 = {0, 0, 0, 12, 'j', 'P', ' ', ' ', '\r', '\n', (byte) 0x87, '\n'};
    private static final byte[] J2K = {(byte) 0xff, 0x4f, (byte) 0xff, 0x51};
    private static final byte[] GIF = {'G', 'I', 'F', '8'};
    private static final byte[] BMP = {'B', 'M'};
    private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
    private static final byte[] WEBP = {'W', 'E', 'B', 'P'};

    private ImageFormats() {
    }

    /** The format's name ({@code png}, {@code jpeg}, {@code tiff}, {@code jp2}, {@code gif}, {@code bmp}, {@code webp}, {@code pnm}), if the bytes start like one. */
    static Optional<String> sniff(byte[] head) {
        if (startsWith(head, 0, PNG)) {
            return Optional.of("png");
        }
        if (startsWith(head, 0, JPEG)) {
            return Optional.of("jpeg");
        }
        if (startsWith(head, 0, TIFF_LE) || startsWith(head, 0, TIFF_BE)) {
            return Optional.of("tiff");
        }
        if (startsWith(head, 0, JP2) || startsWith(head, 0, J2K)) {
            return Optional.of("jp2");
        }
        if (startsWith(head, 0, GIF)) {
            return Optional.of("gif");
        }
        if (startsWith(head, 0, BMP) && head.length >= 14) {
            return Optional.of("bmp");
        }
        if (startsWith(head, 0, RIFF) && startsWith(head, 8, WEBP)) {
            return Optional.of("webp");
        }
        if (head.length >= 3 && head[0] == 'P' && head[1] >= '1' && head[1] <= '7' && Character.isWhitespace(head[2])) {
            return Optional.of("pnm");
        }
        return Optional.empty();
    }

    /**
     * The image's format, read from its first bytes.
     *
     * @throws OcrException {@link OcrException.Kind#BAD_IMAGE} when the file does not start like an image,
     *                      {@link OcrException.Kind#IO} when it cannot be read
     */
    static String check(Path image) {
        byte[] head;
        try (InputStream in = Files.newInputStream(image)) {
            head = in.readNBytes(16);
        } catch (NoSuchFileException e) {
            throw new OcrException(OcrException.Kind.IO, "no image at " + image);
        } catch (IOException e) {
            throw new OcrException(OcrException.Kind.IO, "cannot read " + image + ": " + e, e);
        }
        return sniff(head).orElseThrow(() -> new OcrException(OcrException.Kind.BAD_IMAGE,
                image.getFileName() + " is not an image Tesseract reads (" + (head.length == 0 ? "empty file"
                        : "starts with " + hex(head)) + "; PNG, JPEG, TIFF, JPEG 2000, GIF, BMP, WebP, PNM)"));
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        return bytes.length >= at + prefix.length
                && Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length);
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(8, bytes.length); i++) {
            sb.append(String.format("%02x", bytes[i] & 0xff));
        }
        return sb.toString();
    }
}

package org.kura.iiif;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads page images (TIFF, JPEG, PNG; TwelveMonkeys plugins extend ImageIO) from files: sizes from
 * the header only (cached), and regions decoded with subsampling, so that a small view of a large
 * page never decodes it at full resolution, and a tile of a tiled TIFF reads only the tiles it covers.
 * A corrupt or truncated file is a 500-class {@link IiifException} with the reason, never a hang.
 */
public final class SourceImages {
    private final Map<Path, Dimension> sizes = new ConcurrentHashMap<>();

    public Dimension size(Path file) {
        Dimension d = sizes.get(file);
        if (d != null) {
            return d;
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = reader(in, file);
            try {
                reader.setInput(in, true, true);
                d = new Dimension(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new IiifException(500, "cannot read the image header of " + file.getFileName() + ": " + e.getMessage());
        }
        if (sizes.size() > 100_000) {
            sizes.clear();
        }
        sizes.put(file, d);
        return d;
    }

    /**
     * Decodes {@code region} of the image, keeping every {@code subsample}-th pixel in both directions. When
     * a decoder fails on a file it could open (TwelveMonkeys' TIFF reader overruns its buffer on a region
     * read with subsampling from an uncompressed strip TIFF), the next decoder installed for the format
     * (the JDK's own TIFF reader, say) is tried before the request fails.
     */
    public BufferedImage read(Path file, Rectangle region, int subsample) {
        RuntimeException failure = null;
        for (int attempt = 0; ; attempt++) {
            try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
                ImageReader reader = reader(in, file, attempt);
                if (reader == null) {
                    break;
                }
                try {
                    reader.setInput(in, true, true);
                    ImageReadParam p = reader.getDefaultReadParam();
                    p.setSourceRegion(region);
                    if (subsample > 1) {
                        p.setSourceSubsampling(subsample, subsample, 0, 0);
                    }
                    BufferedImage img = reader.read(0, p);
                    if (img == null) {
                        throw new IiifException(500, "no image decoded from " + file.getFileName());
                    }
                    return img;
                } finally {
                    reader.dispose();
                }
            } catch (IiifException e) {
                throw e;
            } catch (IOException e) {
                throw new IiifException(500, "cannot decode " + file.getFileName() + " (corrupt or truncated?): " + e.getMessage());
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure; // a decoder's own bug: the next decoder may do better
            }
        }
        throw new IiifException(500, "cannot decode " + file.getFileName() + " (corrupt or truncated?): " + failure.getMessage());
    }

    /** The {@code index}-th decoder for the stream's format; null when there are no more (after the first). */
    private static ImageReader reader(ImageInputStream in, Path file, int index) {
        if (index == 0) {
            return reader(in, file);
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        for (int i = 0; readers.hasNext(); i++) {
            ImageReader r = readers.next();
            if (i == index) {
                return r;
            }
            r.dispose(); // a decoder passed over (each call makes new ones)
        }
        return null;
    }

    private static ImageReader reader(ImageInputStream in, Path file) {
        if (in == null) {
            throw new IiifException(500, "cannot open " + file.getFileName());
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new IiifException(500, "no image decoder for " + file.getFileName());
        }
        return readers.next();
    }
}

package org.kura.iiif;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Renders an {@link ImagePlan} from a source file: decode the region with the largest subsampling
 * that still leaves at least the output size, scale (bilinear, in halving steps for big reductions),
 * mirror, rotate (the corners filled white in JPEG, transparent in PNG), convert to the quality and
 * encode.
 */
public final class ImageRenderer {
    private final SourceImages sources;

    public ImageRenderer(SourceImages sources) {
        this.sources = sources;
    }

    public byte[] render(Path source, ImagePlan plan) {
        Rectangle r = plan.region();
        int subsample = Math.max(1, Math.min(r.width / plan.width(), r.height / plan.height()));
        BufferedImage img = sources.read(source, r, subsample);
        img = scale(img, plan.width(), plan.height());
        if (plan.mirror()) {
            img = transform(img, new AffineTransform(-1, 0, 0, 1, img.getWidth(), 0), img.getWidth(), img.getHeight(),
                    plan.format());
        }
        if (plan.rotation() != 0) {
            img = rotate(img, plan.rotation(), plan.format());
        }
        img = quality(img, plan.quality(), plan.format());
        return encode(img, plan.format());
    }

    private static BufferedImage scale(BufferedImage img, int w, int h) {
        BufferedImage current = img;
        int cw = img.getWidth();
        int ch = img.getHeight();
        if (cw == w && ch == h) {
            return ensureRgb(img);
        }
        // halve while more than twice too large: bilinear alone would alias
        while (cw / 2 >= w && ch / 2 >= h) {
            cw /= 2;
            ch /= 2;
            current = draw(current, cw, ch);
        }
        return draw(current, w, h);
    }

    private static BufferedImage draw(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, src.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage ensureRgb(BufferedImage img) {
        int t = img.getType();
        if (t == BufferedImage.TYPE_INT_RGB || t == BufferedImage.TYPE_INT_ARGB || t == BufferedImage.TYPE_3BYTE_BGR) {
            return img;
        }
        return draw(img, img.getWidth(), img.getHeight());
    }

    private static BufferedImage rotate(BufferedImage img, double degrees, String format) {
        double rad = Math.toRadians(degrees);
        double sin = Math.abs(Math.sin(rad));
        double cos = Math.abs(Math.cos(rad));
        int w = img.getWidth();
        int h = img.getHeight();
        int nw = (int) Math.round(w * cos + h * sin);
        int nh = (int) Math.round(w * sin + h * cos);
        AffineTransform t = new AffineTransform();
        t.translate(nw / 2.0, nh / 2.0);
        t.rotate(rad);
        t.translate(-w / 2.0, -h / 2.0);
        return transform(img, t, nw, nh, format);
    }

    private static BufferedImage transform(BufferedImage img, AffineTransform t, int w, int h, String format) {
        boolean alpha = format.equals("png");
        BufferedImage out = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            if (!alpha) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, w, h);
            }
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(img, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage quality(BufferedImage img, String quality, String format) {
        return switch (quality) {
            case "gray" -> convert(img, BufferedImage.TYPE_BYTE_GRAY);
            case "bitonal" -> convert(img, BufferedImage.TYPE_BYTE_BINARY);
            default -> format.equals("jpg") && img.getColorModel().hasAlpha() ? convert(img, BufferedImage.TYPE_INT_RGB) : img;
        };
    }

    private static BufferedImage convert(BufferedImage img, int type) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), type);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.drawImage(img, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    static byte[] encode(BufferedImage img, String format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (format.equals("jpg")) {
                ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
                try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                    w.setOutput(out);
                    ImageWriteParam p = w.getDefaultWriteParam();
                    p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    p.setCompressionQuality(0.85f);
                    w.write(null, new IIOImage(img, null, null), p);
                } finally {
                    w.dispose();
                }
            } else if (!ImageIO.write(img, "png", bytes)) {
                throw new IiifException(500, "no PNG encoder");
            }
        } catch (IOException e) {
            throw new IiifException(500, "cannot encode " + format + ": " + e.getMessage());
        }
        return bytes.toByteArray();
    }
}

package org.kura.iiif;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kura.repository.Item;
import org.kura.repository.Page;

/**
 * IIIF Presentation API 3.0 manifests for items: a canvas per page with its size and label, the
 * page image with its Image API 3 service, a thumbnail, labels in Japanese and English, metadata,
 * {@code requiredStatement} and {@code rights} from the reuse condition, {@code rendering} for the
 * PDF, {@code seeAlso} to the record's RDF and {@code homepage} to the record, and any extra
 * services a viewer needs (authorization, content search) given by the caller.
 */
public final class ManifestBuilder {
    public static final String CONTEXT = "http://iiif.io/api/presentation/3/context.json";

    /**
     * What the manifest says about the item beyond its pages.
     *
     * @param title          title (the record's, or the item's)
     * @param providerName   holding provider, for the required statement
     * @param rightsUri      reuse condition URI (Creative Commons or rightsstatements.org), or null
     * @param rightsLabelJa  its Japanese label
     * @param rightsLabelEn  its English label
     * @param recordUrl      the record's page / JSON, or null
     * @param rdfUrl         the record's DC-NDL RDF, or null
     * @param metadata       label → value pairs shown by viewers (English label, Japanese label, value)
     * @param services       extra services on each page's image resource (the IIIF Auth 2.0 probe), may be empty
     * @param manifestServices services of the whole item (e.g. IIIF Content Search), may be empty
     */
    public record Context(String title, String providerName, String rightsUri, String rightsLabelJa, String rightsLabelEn,
                          String recordUrl, String rdfUrl, List<String[]> metadata, List<Map<String, Object>> services,
                          List<Map<String, Object>> manifestServices) {
        public Context {
            services = services == null ? List.of() : services;
            manifestServices = manifestServices == null ? List.of() : manifestServices;
        }
    }

    private final ImageService images;

    public ManifestBuilder(ImageService images) {
        this.images = images;
    }

    public Map<String, Object> build(Item item, String baseUrl, Context c) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        String id = base + "/iiif/3/" + item.id() + "/manifest";
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@context", CONTEXT);
        m.put("id", id);
        m.put("type", "Manifest");
        String title = c.title() != null ? c.title() : item.title() != null ? item.title() : item.id();
        m.put("label", Map.of("ja", List.of(title), "en", List.of(title)));
        List<Map<String, Object>> meta = new ArrayList<>();
        for (String[] kv : c.metadata()) {
            meta.add(Map.of("label", Map.of("en", List.of(kv[0]), "ja", List.of(kv[1])), "value", Map.of("none", List.of(kv[2]))));
        }
        if (!meta.isEmpty()) {
            m.put("metadata", meta);
        }
        String statement = (c.providerName() == null ? "" : c.providerName() + " / ")
                + (c.rightsLabelJa() == null ? "" : c.rightsLabelJa());
        if (!statement.isBlank()) {
            m.put("requiredStatement", Map.of("label", Map.of("en", List.of("Attribution and reuse"), "ja", List.of("提供・利用条件")),
                    "value", Map.of("ja", List.of(statement), "en", List.of((c.providerName() == null ? "" : c.providerName() + " / ")
                            + (c.rightsLabelEn() == null ? "" : c.rightsLabelEn())))));
        }
        if (c.rightsUri() != null && (c.rightsUri().contains("creativecommons.org") || c.rightsUri().contains("rightsstatements.org"))) {
            m.put("rights", c.rightsUri());
        }
        if (!item.pages().isEmpty()) {
            String first = base + "/iiif/3/image/" + item.id() + "~1";
            m.put("thumbnail", List.of(Map.of("id", first + "/full/!200,200/0/default.jpg", "type", "Image",
                    "format", "image/jpeg", "service", List.of(service(first)))));
        }
        if (item.pdf() != null) {
            m.put("rendering", List.of(Map.of("id", base + "/iiif/3/" + item.id() + "/pdf", "type", "Text",
                    "label", Map.of("en", List.of("PDF of the whole item"), "ja", List.of("資料全体のPDF")), "format", "application/pdf")));
        }
        if (c.rdfUrl() != null) {
            m.put("seeAlso", List.of(Map.of("id", c.rdfUrl(), "type", "Dataset", "format", "application/rdf+xml",
                    "profile", "http://ndl.go.jp/dcndl/terms/")));
        }
        if (c.recordUrl() != null) {
            m.put("homepage", List.of(Map.of("id", c.recordUrl(), "type", "Text", "format", "text/html",
                    "label", Map.of("ja", List.of(title), "en", List.of(title)))));
        }
        if (!c.manifestServices().isEmpty()) {
            m.put("service", c.manifestServices());
        }
        List<Map<String, Object>> canvases = new ArrayList<>();
        for (int i = 0; i < item.pages().size(); i++) {
            Page p = item.pages().get(i);
            ImageService.PageRef ref = images.page(item.id() + "~" + (i + 1));
            String canvas = base + "/iiif/3/" + item.id() + "/canvas/" + (i + 1);
            String imageBase = base + "/iiif/3/image/" + item.id() + "~" + (i + 1);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", imageBase + "/full/max/0/default.jpg");
            body.put("type", "Image");
            body.put("format", "image/jpeg");
            body.put("width", ref.size().width);
            body.put("height", ref.size().height);
            List<Map<String, Object>> bodyServices = new ArrayList<>();
            bodyServices.add(service(imageBase));
            bodyServices.addAll(c.services()); // e.g. the IIIF Auth 2.0 probe service, on the content resource
            body.put("service", bodyServices);
            Map<String, Object> annotation = new LinkedHashMap<>();
            annotation.put("id", canvas + "/annotation/1");
            annotation.put("type", "Annotation");
            annotation.put("motivation", "painting");
            annotation.put("body", body);
            annotation.put("target", canvas);
            Map<String, Object> cv = new LinkedHashMap<>();
            cv.put("id", canvas);
            cv.put("type", "Canvas");
            cv.put("label", Map.of("none", List.of(p.label() != null ? p.label() : "p. " + (i + 1))));
            cv.put("width", ref.size().width);
            cv.put("height", ref.size().height);
            cv.put("items", List.of(Map.of("id", canvas + "/page/1", "type", "AnnotationPage", "items", List.of(annotation))));
            canvases.add(cv);
        }
        m.put("items", canvases);
        return m;
    }

    private static Map<String, Object> service(String imageBase) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", imageBase);
        s.put("type", "ImageService3");
        s.put("profile", "level2");
        return s;
    }
}

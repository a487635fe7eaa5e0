package org.kura.fulltext;

import java.io.StringReader;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.kura.model.xml.SafeXml;

/**
 * Runs a StAX parse over the bytes of an XML text file. The bytes are decoded here, not by the parser:
 * with the declared encoding when the XML declaration names one (strictly; Shift_JIS as windows-31j),
 * otherwise by {@link TextDecoding} (UTF-8, or Shift_JIS / EUC-JP found by detection), and the parser
 * reads characters. Parser errors become {@link TextFormatException}s naming the line and column.
 */
final class XmlSource {
    /** A parse of one document; may throw the parser's exception. */
    @FunctionalInterface
    interface Parse<T> {
        T parse(XMLStreamReader r) throws XMLStreamException;
    }

    private static final XMLInputFactory FACTORY = SafeXml.inputFactory();

    private XmlSource() {
    }

    /** Decodes, parses with {@code parse}, closes; {@code format} names the format in error messages. */
    static <T> T parse(byte[] bytes, String format, Parse<T> parse) {
        String xml = decode(bytes);
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new StringReader(xml));
            return parse.parse(r);
        } catch (XMLStreamException e) {
            throw malformed(format, e);
        } catch (TextFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            // Woodstox defers some errors and throws them unchecked, wrapping the XMLStreamException
            if (e.getCause() instanceof XMLStreamException x) {
                throw malformed(format, x);
            }
            throw e;
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException e) {
                    // nothing is held: the input is a String
                }
            }
        }
    }

    /** The file's characters, decoded as its XML declaration says or, without one, as detected. */
    static String decode(byte[] bytes) {
        String declared = XmlSniffer.declaredEncoding(bytes);
        return (declared == null ? TextDecoding.decode(bytes) : TextDecoding.decode(bytes, declared)).text();
    }

    static TextFormatException malformed(String format, XMLStreamException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("").strip();
        int at = message.indexOf(" at [row,col");
        if (at >= 0) {
            message = message.substring(0, at).strip();
        }
        Location loc = e.getLocation();
        String where = loc == null || loc.getLineNumber() < 0 ? "" : " at line " + loc.getLineNumber() + ", column " + loc.getColumnNumber();
        return new TextFormatException(format + " is not well-formed XML" + where + ": " + message, e);
    }

    /** The attribute's value by local name (in no namespace), or null. */
    static String attr(XMLStreamReader r, String name) {
        return r.getAttributeValue(null, name);
    }
}

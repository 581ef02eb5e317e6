package dev.facet.imaging;

import java.nio.charset.StandardCharsets;

/**
 * The XMP packet Facet embeds in finished images: the IPTC digital source type, nothing personal.
 */
final class XmpPacket {

  private XmpPacket() {}

  static byte[] of(DigitalSourceType source) {
    String xml =
        "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
            + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
            + " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
            + "  <rdf:Description rdf:about=\"\"\n"
            + "    xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\"\n"
            + "    Iptc4xmpExt:DigitalSourceType=\""
            + source.uri()
            + "\"/>\n"
            + " </rdf:RDF>\n"
            + "</x:xmpmeta>\n"
            + "<?xpacket end=\"r\"?>";
    return xml.getBytes(StandardCharsets.UTF_8);
  }
}

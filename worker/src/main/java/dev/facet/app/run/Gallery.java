package dev.facet.app.run;

import dev.facet.catalogstore.ReportRow;
import dev.facet.model.Candidate;
import dev.facet.model.ProviderSpend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * {@code <out>/index.html}: a contact sheet of the run that opens from the file system, offline.
 * Per product its reference photos, each finished image with its shot, channel, size and the
 * provider, model, cost and round of the candidate it was made from, the QA verdict with the
 * failing checks, rounds, cost and the providers billed; filterable by verdict. One file with its
 * style and script inline; images are linked relative to it, so the folder (with the catalog's
 * photos where they are) is all it needs.
 */
final class Gallery {

  static final String FILE = "index.html";

  /** How a product came out, for the filter. */
  enum Verdict {
    PASSED("passed QA"),
    FLAGGED("failed checks"),
    NOT_PUBLISHED("not published");

    final String words;

    Verdict(String words) {
      this.words = words;
    }

    String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Verdict of(ReportRow row) {
      if (!row.published()) {
        return NOT_PUBLISHED;
      }
      return row.failedChecks().isEmpty() ? PASSED : FLAGGED;
    }
  }

  private Gallery() {}

  /**
   * Writes the sheet; answers its path.
   *
   * @param candidates the candidates the finished images were made from, by id; those missing are
   *     shown without provider, model and cost
   */
  static Path write(
      Path out, CatalogFile catalog, RunOutcome outcome, Map<String, Candidate> candidates) {
    Path file = out.resolve(FILE);
    try {
      Files.createDirectories(out);
      Files.writeString(file, html(out, catalog, outcome, candidates), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
    return file;
  }

  static String html(
      Path out, CatalogFile catalog, RunOutcome outcome, Map<String, Candidate> candidates) {
    Map<String, CatalogProduct> products =
        catalog.products().stream()
            .collect(Collectors.toMap(CatalogProduct::sku, p -> p, (a, b) -> a));
    Map<Verdict, Long> counts =
        outcome.rows().stream().collect(Collectors.groupingBy(Verdict::of, Collectors.counting()));
    StringBuilder html = new StringBuilder();
    html.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>")
        .append(escape("Catalog " + catalog.id()))
        .append(" · Facet</title>\n")
        .append("<style>")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<header>\n")
        .append("<h1>Catalog <q>")
        .append(escape(catalog.id()))
        .append("</q></h1>\n")
        .append("<p>")
        .append(outcome.rows().size())
        .append(" products · ")
        .append(outcome.published())
        .append(" published · ")
        .append(usd(outcome.rows().stream().mapToDouble(ReportRow::costUsd).sum()))
        .append(" billed</p>\n<nav aria-label=\"Filter by verdict\">\n")
        .append(button("all", "all", outcome.rows().size(), true));
    for (Verdict verdict : Verdict.values()) {
      html.append(button(verdict.id(), verdict.words, counts.getOrDefault(verdict, 0L), false));
    }
    html.append("</nav>\n</header>\n<main>\n");
    Map<String, List<ExportedImage>> images =
        outcome.images().stream().collect(Collectors.groupingBy(ExportedImage::sku));
    for (ReportRow row : outcome.rows()) {
      html.append(
          product(
              out,
              row,
              products.get(row.sku()),
              images.getOrDefault(row.sku(), List.of()),
              candidates));
    }
    return html.append("</main>\n<script>")
        .append(SCRIPT)
        .append("</script>\n</body>\n</html>\n")
        .toString();
  }

  private static String button(String filter, String words, long count, boolean pressed) {
    return "<button type=\"button\" data-filter=\""
        + filter
        + "\" aria-pressed=\""
        + pressed
        + "\">"
        + escape(words)
        + " ("
        + count
        + ")</button>\n";
  }

  private static String product(
      Path out,
      ReportRow row,
      CatalogProduct product,
      List<ExportedImage> images,
      Map<String, Candidate> candidates) {
    Verdict verdict = Verdict.of(row);
    StringBuilder html = new StringBuilder();
    html.append("<section class=\"product\" data-verdict=\"")
        .append(verdict.id())
        .append("\">\n")
        .append("<h2>")
        .append(escape(row.sku()));
    if (product != null) {
      html.append(" <small>").append(escape(product.spec().name())).append("</small>");
    }
    html.append(" <span class=\"verdict ")
        .append(verdict.id())
        .append("\">")
        .append(escape(verdict.words))
        .append("</span></h2>\n<p class=\"meta\">")
        .append(escape(row.status().toLowerCase(Locale.ROOT)))
        .append(" · round ")
        .append(row.rounds())
        .append(" · ")
        .append(usd(row.costUsd()))
        .append(" · ")
        .append(escape(billed(row.spend())))
        .append("</p>\n");
    if (!row.failure().isBlank()) {
      html.append("<p class=\"failure\">").append(escape(row.failure())).append("</p>\n");
    }
    if (!row.failedChecks().isEmpty()) {
      html.append("<ul class=\"checks\">");
      row.failedChecks().forEach(c -> html.append("<li>").append(escape(c)).append("</li>"));
      html.append("</ul>\n");
    }
    html.append("<div class=\"images\">\n");
    if (product != null) {
      for (PhotoFile photo : product.photos()) {
        String angle =
            photo.angle() == null || photo.angle().isBlank() ? "" : " · " + photo.angle();
        html.append(figure(out, photo.path(), "reference" + angle, "reference"));
      }
    }
    for (ExportedImage image : images) {
      String caption =
          image.shot() + " · " + image.channel() + " · " + image.width() + "×" + image.height();
      html.append(figure(out, image.file(), caption + madeBy(row, image, candidates), "final"));
    }
    return html.append("</div>\n</section>\n").toString();
  }

  private static String figure(Path out, Path file, String caption, String kind) {
    return "<figure class=\""
        + kind
        + "\"><a href=\""
        + escape(link(out, file))
        + "\"><img src=\""
        + escape(link(out, file))
        + "\" alt=\""
        + escape(caption)
        + "\" loading=\"lazy\"></a>"
        + "<figcaption>"
        + escape(caption)
        + "</figcaption></figure>\n";
  }

  /** A URL relative to the sheet, so the page opens from any folder it is copied with. */
  static String link(Path out, Path file) {
    Path relative = out.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
    StringBuilder url = new StringBuilder();
    for (Path part : relative) {
      url.append(url.isEmpty() ? "" : "/")
          .append(URLEncoder.encode(part.toString(), StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return url.toString();
  }

  /** {@code " · flux flux-kontext-pro · $0.04 · round 1"}; empty when the candidate is unknown. */
  private static String madeBy(
      ReportRow row, ExportedImage image, Map<String, Candidate> candidates) {
    return row.finals().stream()
        .filter(f -> f.shot().equals(image.shot()) && f.channel().equals(image.channel()))
        .map(f -> candidates.get(f.candidateId()))
        .filter(Objects::nonNull)
        .findFirst()
        .map(
            c ->
                " · "
                    + c.provider()
                    + (c.model() == null ? "" : " " + c.model())
                    + " · "
                    + usd(c.costUsd())
                    + " · round "
                    + c.round())
        .orElse("");
  }

  private static String billed(List<ProviderSpend> spend) {
    if (spend.isEmpty()) {
      return "no provider billed";
    }
    return spend.stream()
        .map(s -> s.provider() + " " + usd(s.totalUsd()))
        .collect(Collectors.joining(", ", "billed: ", ""));
  }

  private static String usd(double usd) {
    return String.format(Locale.ROOT, "$%.2f", usd);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  private static final String STYLE =
      """
      body{font:14px/1.4 system-ui,sans-serif;margin:0;background:#f6f6f4;color:#222}
      header{position:sticky;top:0;background:#fff;padding:12px 24px;border-bottom:1px solid #ddd}
      h1{margin:0 0 4px;font-size:20px}header p{margin:0 0 8px;color:#555}
      nav button{font:inherit;margin-right:6px;padding:4px 10px;border:1px solid #bbb;border-radius:14px;background:#fff;cursor:pointer}
      nav button[aria-pressed=true]{background:#222;color:#fff;border-color:#222}
      main{padding:16px 24px}
      .product{background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px 16px;margin-bottom:16px}
      .product[hidden]{display:none}
      h2{margin:0;font-size:16px}h2 small{font-weight:normal;color:#555}
      .verdict{font-size:12px;padding:2px 8px;border-radius:10px;margin-left:8px;vertical-align:middle}
      .passed{background:#d9f2dd;color:#145a22}.flagged{background:#fde8c8;color:#7a4a00}.not-published{background:#f8d7d7;color:#7a1010}
      .meta{color:#555;margin:4px 0}.failure{color:#7a1010}.checks{margin:4px 0;color:#7a4a00}
      .images{display:flex;flex-wrap:wrap;gap:10px;margin-top:8px}
      figure{margin:0;width:180px}figure img{width:180px;height:180px;object-fit:contain;background:#eee;border:1px solid #ddd}
      figure.reference img{border-style:dashed}
      figcaption{font-size:12px;color:#555}
      """;

  private static final String SCRIPT =
      """
      for (const button of document.querySelectorAll('nav button')) {
        button.addEventListener('click', () => {
          const filter = button.dataset.filter;
          for (const b of document.querySelectorAll('nav button')) b.setAttribute('aria-pressed', b === button);
          for (const p of document.querySelectorAll('.product')) p.hidden = filter !== 'all' && p.dataset.verdict !== filter;
        });
      }
      """;
}

package dev.facet.testing;

import dev.facet.imaging.Resampler;
import dev.facet.imaging.RgbImage;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A PNG to look at: each input beside what Facet made of it, captioned, on a mid-grey page so white
 * products and white backgrounds are told apart, three pairs to a row.
 */
public final class ContactSheet {

  private static final int CELL = 360, CAPTION = 18, PAIRS_PER_ROW = 3, GAP = 8;

  private ContactSheet() {}

  /** An input, the finished image made from it, and what to print under them. */
  public record Pair(String name, RgbImage input, RgbImage output, String caption) {}

  public static void write(Path file, List<Pair> pairs) throws IOException {
    int rows = (pairs.size() + PAIRS_PER_ROW - 1) / PAIRS_PER_ROW;
    int pairWidth = 2 * CELL + GAP;
    BufferedImage sheet =
        new BufferedImage(
            PAIRS_PER_ROW * (pairWidth + 2 * GAP),
            rows * (CELL + CAPTION + GAP),
            BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(new Color(96, 96, 96));
    g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    for (int i = 0; i < pairs.size(); i++) {
      Pair p = pairs.get(i);
      int x = (i % PAIRS_PER_ROW) * (pairWidth + 2 * GAP) + GAP,
          y = (i / PAIRS_PER_ROW) * (CELL + CAPTION + GAP);
      g.drawImage(fit(p.input()).toBufferedImage(), x, y, null);
      g.drawImage(fit(p.output()).toBufferedImage(), x + CELL + GAP, y, null);
      g.setColor(Color.WHITE);
      g.drawString(p.name() + "   " + p.caption(), x, y + CELL + CAPTION - 4);
    }
    g.dispose();
    Files.createDirectories(file.toAbsolutePath().getParent());
    ImageIO.write(sheet, "png", file.toFile());
  }

  private static RgbImage fit(RgbImage image) {
    double s = (double) CELL / image.longSide();
    return Resampler.average(
        image,
        Math.max(1, (int) Math.round(image.width() * s)),
        Math.max(1, (int) Math.round(image.height() * s)));
  }
}

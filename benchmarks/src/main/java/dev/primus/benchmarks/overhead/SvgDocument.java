package dev.primus.benchmarks.overhead;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small SVG 1.1 document written as text: lines, polylines, rectangles and text, with the
 * styles of the harness's charts. Enough for a chart a browser, GitHub and an XML parser all
 * read, without a plotting library in the benchmarks. Data attributes ({@code data-*}) carry
 * the figures each shape stands for, so that a test, or a reader's script, need not measure
 * pixels.
 */
final class SvgDocument {
    /** Okabe-Ito colours, told apart with the common colour blindnesses; the first, near black, is for none. */
    static final List<String> PALETTE = List.of("#222222", "#D55E00", "#0072B2", "#009E73", "#E69F00", "#CC79A7", "#56B4E9");

    private final StringBuilder svg = new StringBuilder(8192);

    SvgDocument(int width, int height, String title) {
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.append("<title>").append(escape(title)).append("</title>\n");
        svg.append("<style>.axis{stroke:#444;stroke-width:1}.grid{stroke:#ddd;stroke-width:1}"
                + ".tick{fill:#444}.heading{font-size:15px;font-weight:bold}.axis-title{fill:#222}</style>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    }

    static String color(int index) {
        return PALETTE.get(index % PALETTE.size());
    }

    void line(double x1, double y1, double x2, double y2, String cssClass) {
        svg.append("<line class=\"").append(cssClass).append("\" x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1))
                .append("\" x2=\"").append(n(x2)).append("\" y2=\"").append(n(y2)).append("\"/>\n");
    }

    void coloredLine(double x1, double y1, double x2, double y2, String color, double width, Map<String, String> data) {
        svg.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(color).append("\" stroke-width=\"")
                .append(n(width)).append('"');
        attributes(data);
        svg.append("/>\n");
    }

    /** {@code anchor}: start, middle or end; {@code rotate}: degrees about (x, y), 0 for none. */
    void text(double x, double y, String anchor, String cssClass, double rotate, String text) {
        svg.append("<text class=\"").append(cssClass).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" text-anchor=\"").append(anchor).append('"');
        if (rotate != 0) {
            svg.append(" transform=\"rotate(").append(n(rotate)).append(' ').append(n(x)).append(' ').append(n(y)).append(")\"");
        }
        svg.append('>').append(escape(text)).append("</text>\n");
    }

    /** {@code points}: x, y pairs in pixels. */
    void polyline(List<double[]> points, String color, Map<String, String> data) {
        svg.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2\" points=\"");
        for (int i = 0; i < points.size(); i++) {
            svg.append(i == 0 ? "" : " ").append(n(points.get(i)[0])).append(',').append(n(points.get(i)[1]));
        }
        svg.append('"');
        attributes(data);
        svg.append("/>\n");
    }

    void rect(double x, double y, double width, double height, String color, Map<String, String> data) {
        svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(width))
                .append("\" height=\"").append(n(height)).append("\" fill=\"").append(color).append('"');
        attributes(data);
        svg.append("/>\n");
    }

    String render() {
        return svg + "</svg>\n";
    }

    private void attributes(Map<String, String> data) {
        data.forEach((name, value) -> svg.append(' ').append(name).append("=\"").append(escape(value)).append('"'));
    }

    /** Two decimals: a hundredth of a pixel is below what any screen shows. */
    private static String n(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

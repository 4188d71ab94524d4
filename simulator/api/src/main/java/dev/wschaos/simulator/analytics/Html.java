package dev.wschaos.simulator.analytics;

/** Escaping and the few markup helpers every part of the HTML report shares. */
final class Html {

  private Html() {}

  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }

  static String td(String text) {
    return "<td>" + escape(text) + "</td>";
  }

  /** A chart in its frame. */
  static String figure(SvgChart chart) {
    return "<figure>" + chart.render() + "</figure>";
  }
}

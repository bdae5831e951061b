package com.muejam.core.markdown;

import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

import org.springframework.stereotype.Component;

/**
 * Renders markdown to HTML that is safe to show (seed property 11). Two layers:
 * CommonMark escapes raw HTML and drops unsafe link targets, then an allow-list (jsoup)
 * keeps only known elements and attributes, only {@code http}, {@code https} and
 * {@code mailto} links and {@code http(s)} images, and marks every link
 * {@code rel="nofollow noopener ugc"}. Chapters and bios go through the same renderer.
 */
@Component
public class MarkdownRenderer {

	private static final List<Extension> EXTENSIONS = List.of(StrikethroughExtension.create(),
			TablesExtension.create());

	private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

	private final HtmlRenderer renderer = HtmlRenderer.builder()
		.extensions(EXTENSIONS)
		.escapeHtml(true)
		.sanitizeUrls(true)
		.build();

	private final Safelist safelist = Safelist.relaxed()
		.addTags("del", "s", "hr")
		.removeProtocols("a", "href", "ftp")
		.addEnforcedAttribute("a", "rel", "nofollow noopener ugc");

	/**
	 * @param markdown text as written
	 * @return its HTML, safe to show
	 */
	public String toSafeHtml(String markdown) {
		String html = this.renderer.render(this.parser.parse(markdown));
		Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
		return Jsoup.clean(html, "", this.safelist, output);
	}

}

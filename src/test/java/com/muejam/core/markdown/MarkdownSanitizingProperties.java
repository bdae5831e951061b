package com.muejam.core.markdown;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed property 11: for any markdown, however hostile, the rendered HTML cannot run
 * script: no script-capable element, no event handler attribute, and no link or image
 * target other than http(s) or mailto.
 */
class MarkdownSanitizingProperties {

	private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "iframe", "object", "embed", "style", "svg",
			"math", "form", "input", "button", "base", "link", "meta", "frame", "frameset", "applet", "textarea",
			"select", "video", "audio", "source");

	private static final List<String> SAFE_SCHEMES = List.of("http://", "https://", "mailto:");

	private final MarkdownRenderer renderer = new MarkdownRenderer();

	@Property(tries = 500)
	void renderedHtmlNeverRunsScript(@ForAll("hostileMarkdown") String markdown) {
		String html = this.renderer.toSafeHtml(markdown);
		for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
			assertThat(FORBIDDEN_ELEMENTS).as("element in %s", html).doesNotContain(element.normalName());
			for (Attribute attribute : element.attributes()) {
				String name = attribute.getKey().toLowerCase(Locale.ROOT);
				assertThat(name).as("attribute in %s", html)
					.doesNotStartWith("on")
					.isNotEqualTo("style")
					.isNotEqualTo("srcdoc");
				if (name.equals("href") || name.equals("src") || name.equals("action") || name.equals("formaction")) {
					String target = attribute.getValue().replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
					assertThat(SAFE_SCHEMES).as("%s=%s in %s", name, target, html).anyMatch(target::startsWith);
				}
			}
			if (element.normalName().equals("a")) {
				assertThat(element.attr("rel")).isEqualTo("nofollow noopener ugc");
			}
		}
	}

	@Provide
	Arbitrary<String> hostileMarkdown() {
		Arbitrary<String> payload = Arbitraries.of("alert(1)", "alert(document.cookie)", "fetch('//evil')");
		Arbitrary<String> scheme = Arbitraries.of("javascript:", "JaVaScRiPt:", " javascript:", "java\tscript:",
				"java&#x09;script:", "&#106;avascript:", "jav&#x61;script:", "vbscript:",
				"data:text/html;base64,PHNjcmlwdD4=", "DATA:text/html,", "javascript&colon;", "\u0001javascript:",
				"https://ok.example/", "mailto:a@b.c", "ftp://x/");
		Arbitrary<String> url = Arbitraries.strings()
			.withChars("abc")
			.ofMaxLength(3)
			.flatMap((noise) -> scheme.flatMap((s) -> payload.map((p) -> s + p + noise)));
		Arbitrary<String> rawHtml = Arbitraries.of("<script>alert(1)</script>", "<SCRIPT SRC=//evil/x.js></SCRIPT>",
				"<img src=x onerror=alert(1)>", "<iframe src=\"javascript:alert(1)\"></iframe>",
				"<object data=\"evil.swf\"></object>", "<style>body{background:url(javascript:alert(1))}</style>",
				"<svg onload=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>", "<div onclick=\"alert(1)\">y</div>",
				"<math><mi xlink:href=\"javascript:alert(1)\">z</mi></math>",
				"<form action=javascript:alert(1)><button>b</button></form>", "<body onload=alert(1)>",
				"<input autofocus onfocus=alert(1)>", "<base href=\"javascript:/\">",
				"<p style=\"x:expression(alert(1))\">p</p>", "<scr<script>ipt>alert(1)</script>", "<!-- <script> -->",
				"<![CDATA[<script>alert(1)</script>]]>", "<details open ontoggle=alert(1)>",
				"<video><source onerror=alert(1)>");
		Arbitrary<String> fragment = Arbitraries.oneOf(rawHtml, url.map((u) -> "[link](" + u + ")"),
				url.map((u) -> "![image](" + u + ")"), url.map((u) -> "<" + u + ">"),
				url.map((u) -> "[ref][r]\n\n[r]: " + u + "\n"), url.map((u) -> "[t](" + u + " \"title\")"),
				Arbitraries.of("*emphasis*", "**strong**", "# Heading", "> quote", "`code <script>`",
						"```\n<script>\n```", "- item", "plain words", "| a | b |\n|---|---|\n| <script> | x |",
						"~~gone~~"));
		return fragment.list()
			.ofMinSize(1)
			.ofMaxSize(8)
			.flatMap((parts) -> Arbitraries.of(" ", "\n", "\n\n", "").map((glue) -> String.join(glue, parts)));
	}

}

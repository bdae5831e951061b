package com.muejam.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

import com.muejam.stories.BookChapter;
import com.muejam.stories.StoryBooks.Book;
import com.muejam.stories.StoryView;

/**
 * Writes a story as an EPUB 3 book: the {@code mimetype} entry first and uncompressed,
 * the container, the package document, the navigation document (the table of contents), a
 * title page, one XHTML document per chapter and the images stored here.
 * <p>
 * Written here rather than with a library: the Java EPUB libraries write EPUB 2 (epublib
 * and its forks), and an EPUB 3 book is a zip of a few XML documents. The chapters' HTML
 * is the sanitized HTML the API serves, turned into XHTML by jsoup; the tests hold every
 * book to the W3C's EPUBCheck.
 */
final class EpubWriter {

	static final String MEDIA_TYPE = "application/epub+zip";

	private static final String LANGUAGE = "und";

	private static final String XHTML_HEAD = """
			<?xml version="1.0" encoding="UTF-8"?>
			<!DOCTYPE html>
			<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" \
			xml:lang="und" lang="und">
			<head><meta charset="UTF-8"/><title>%s</title><link rel="stylesheet" type="text/css" href="style.css"/></head>
			""";

	private static final String STYLE = """
			body { font-family: serif; line-height: 1.5; margin: 0 5%; }
			h1 { text-align: center; }
			.byline, .rating { text-align: center; }
			.cover { display: block; margin: 1em auto; max-width: 100%; }
			img { max-width: 100%; }
			""";

	private final EpubImages images;

	private final Book book;

	private final List<BookChapter> chapters;

	EpubWriter(Book book, List<BookChapter> chapters, EpubImages images) {
		this.book = book;
		this.chapters = chapters;
		this.images = images;
	}

	/**
	 * Writes the book.
	 * @param out where to (not closed)
	 * @throws IOException when writing fails
	 */
	void write(OutputStream out) throws IOException {
		StoryView story = this.book.story();
		Optional<EpubImages.Item> cover = Optional.ofNullable(story.coverUrl()).flatMap(this.images::cover);
		String titlePage = titlePage(story, cover);
		List<String> chapterPages = new ArrayList<>();
		for (BookChapter chapter : this.chapters) {
			chapterPages.add(chapterPage(chapter));
		}
		ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		storeMimetype(zip);
		entry(zip, "META-INF/container.xml",
				"""
						<?xml version="1.0" encoding="UTF-8"?>
						<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
						<rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/></rootfiles>
						</container>
						""");
		entry(zip, "EPUB/package.opf", packageDocument(story));
		entry(zip, "EPUB/nav.xhtml", navigation(story));
		entry(zip, "EPUB/style.css", STYLE);
		entry(zip, "EPUB/title.xhtml", titlePage);
		for (int i = 0; i < chapterPages.size(); i++) {
			entry(zip, "EPUB/" + chapterFile(i), chapterPages.get(i));
		}
		for (EpubImages.Item image : this.images.items()) {
			zip.putNextEntry(new ZipEntry("EPUB/" + image.href()));
			zip.write(image.image().bytes());
			zip.closeEntry();
		}
		zip.finish();
	}

	private String titlePage(StoryView story, Optional<EpubImages.Item> cover) {
		StringBuilder body = new StringBuilder("<section epub:type=\"titlepage\">");
		body.append("<h1>").append(escape(story.title())).append("</h1>");
		body.append("<p class=\"byline\">by ")
			.append(escape(story.author().displayName()))
			.append(" (@")
			.append(escape(story.author().handle()))
			.append(")</p>");
		cover.ifPresent((image) -> body.append("<img class=\"cover\" src=\"")
			.append(image.href())
			.append("\" alt=\"Cover of ")
			.append(escape(story.title()))
			.append("\"/>"));
		body.append("<p class=\"rating\">Rated ").append(escape(capitalized(story.rating().wire())));
		if (!story.contentWarnings().isEmpty()) {
			body.append(". Content warnings: ")
				.append(escape(story.contentWarnings()
					.stream()
					.map((warning) -> warning.wire().replace('_', ' '))
					.collect(Collectors.joining(", "))));
		}
		body.append("</p>");
		if (!story.tags().isEmpty()) {
			body.append("<p>Tags: ")
				.append(escape(story.tags().stream().map(StoryView.TagView::name).collect(Collectors.joining(", "))))
				.append("</p>");
		}
		for (String paragraph : story.blurb().split("\\R\\s*\\R")) {
			if (!paragraph.isBlank()) {
				body.append("<p>").append(escape(paragraph.strip())).append("</p>");
			}
		}
		body.append("</section>");
		return page(story.title(), body.toString());
	}

	private String chapterPage(BookChapter chapter) {
		Document fragment = Jsoup.parseBodyFragment(chapter.html());
		for (Element image : fragment.body().select("img")) {
			String source = image.attr("src");
			Optional<EpubImages.Item> embedded = this.images.embed(source);
			if (embedded.isPresent()) {
				image.attr("src", embedded.get().href());
				image.attr("alt", image.attr("alt"));
			}
			else {
				String label = image.attr("alt").isBlank() ? "Image" : "Image: " + image.attr("alt");
				Element link = new Element("a").attr("href", source).text(label);
				image.replaceWith(link);
			}
		}
		fragment.outputSettings()
			.syntax(Document.OutputSettings.Syntax.xml)
			.escapeMode(Entities.EscapeMode.xhtml)
			.charset(StandardCharsets.UTF_8)
			.prettyPrint(false);
		String body = "<section epub:type=\"chapter\"><h1>" + escape(chapter.title()) + "</h1>"
				+ xmlCharacters(fragment.body().html()) + "</section>";
		return page(chapter.title(), body);
	}

	private String packageDocument(StoryView story) {
		StringBuilder opf = new StringBuilder("""
				<?xml version="1.0" encoding="UTF-8"?>
				<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="und">
				<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
				""");
		opf.append("<dc:identifier id=\"book-id\">urn:uuid:").append(story.id()).append("</dc:identifier>\n");
		opf.append("<dc:title>").append(escape(story.title())).append("</dc:title>\n");
		opf.append("<dc:creator>").append(escape(story.author().displayName())).append("</dc:creator>\n");
		opf.append("<dc:language>").append(LANGUAGE).append("</dc:language>\n");
		if (!story.blurb().isBlank()) {
			opf.append("<dc:description>").append(escape(story.blurb())).append("</dc:description>\n");
		}
		for (StoryView.TagView tag : story.tags()) {
			opf.append("<dc:subject>").append(escape(tag.name())).append("</dc:subject>\n");
		}
		opf.append("<dc:publisher>MueJam Library</dc:publisher>\n");
		opf.append("<meta property=\"dcterms:modified\">")
			.append(DateTimeFormatter.ISO_INSTANT.format(this.book.modified().truncatedTo(ChronoUnit.SECONDS)))
			.append("</meta>\n</metadata>\n<manifest>\n");
		opf.append("<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n");
		opf.append("<item id=\"style\" href=\"style.css\" media-type=\"text/css\"/>\n");
		opf.append("<item id=\"title\" href=\"title.xhtml\" media-type=\"application/xhtml+xml\"/>\n");
		for (int i = 0; i < this.chapters.size(); i++) {
			opf.append("<item id=\"chapter-")
				.append(i + 1)
				.append("\" href=\"")
				.append(chapterFile(i))
				.append("\" media-type=\"application/xhtml+xml\"/>\n");
		}
		for (EpubImages.Item image : this.images.items()) {
			opf.append("<item id=\"")
				.append(image.id())
				.append("\" href=\"")
				.append(image.href())
				.append("\" media-type=\"")
				.append(image.mediaType())
				.append('"')
				.append(image.properties().isEmpty() ? "" : " properties=\"" + image.properties() + "\"")
				.append("/>\n");
		}
		opf.append("</manifest>\n<spine>\n<itemref idref=\"title\"/>\n");
		for (int i = 0; i < this.chapters.size(); i++) {
			opf.append("<itemref idref=\"chapter-").append(i + 1).append("\"/>\n");
		}
		return opf.append("</spine>\n</package>\n").toString();
	}

	private String navigation(StoryView story) {
		StringBuilder nav = new StringBuilder("<nav epub:type=\"toc\" id=\"toc\"><h1>Contents</h1><ol>");
		nav.append("<li><a href=\"title.xhtml\">").append(escape(story.title())).append("</a></li>");
		for (int i = 0; i < this.chapters.size(); i++) {
			nav.append("<li><a href=\"")
				.append(chapterFile(i))
				.append("\">")
				.append(escape(this.chapters.get(i).title()))
				.append("</a></li>");
		}
		nav.append("</ol></nav>");
		return page("Contents", nav.toString());
	}

	private static String page(String title, String body) {
		return XHTML_HEAD.formatted(escape(title)) + "<body>" + body + "</body>\n</html>\n";
	}

	private static String chapterFile(int index) {
		return "chapter-%04d.xhtml".formatted(index + 1);
	}

	private static void storeMimetype(ZipOutputStream zip) throws IOException {
		byte[] bytes = MEDIA_TYPE.getBytes(StandardCharsets.US_ASCII);
		CRC32 crc = new CRC32();
		crc.update(bytes);
		ZipEntry entry = new ZipEntry("mimetype");
		entry.setMethod(ZipEntry.STORED);
		entry.setSize(bytes.length);
		entry.setCompressedSize(bytes.length);
		entry.setCrc(crc.getValue());
		zip.putNextEntry(entry);
		zip.write(bytes);
		zip.closeEntry();
	}

	private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	private static String capitalized(String word) {
		return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
	}

	/**
	 * Text as XML character data: markup characters escaped, characters XML 1.0 does not
	 * allow left out.
	 */
	static String escape(String text) {
		return xmlCharacters(text).replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

	private static String xmlCharacters(String text) {
		return text.replaceAll("[^\\x09\\x0A\\x0D\\x20-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]", "");
	}

}

package com.muejam.exports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.muejam.uploads.StoredFiles;
import com.muejam.uploads.StoredImage;

/**
 * The images a book carries: only images uploaded here and checked (referenced by a
 * profile, story or whisper), named exactly as the service names them, read from the
 * object storage, each once however often it appears, up to a count and a total size. A
 * book never fetches an image from elsewhere (that would let any chapter make the service
 * fetch any URL): such images become links.
 */
final class EpubImages {

	static final int MAX_IMAGES = 100;

	static final int MAX_IMAGE_BYTES = 10 * 1024 * 1024;

	static final long MAX_TOTAL_BYTES = 50L * 1024 * 1024;

	private final StoredFiles files;

	private final Map<String, Optional<Item>> byKey = new LinkedHashMap<>();

	private final List<Item> items = new ArrayList<>();

	private long totalBytes;

	EpubImages(StoredFiles files) {
		this.files = files;
	}

	/**
	 * The book's copy of an image in a chapter.
	 * @param url the image's URL, as the chapter names it
	 * @return where the book holds it, or empty when it does not
	 */
	Optional<Item> embed(String url) {
		return embed(url, "image-" + (this.items.size() + 1), "");
	}

	/**
	 * The book's copy of the story's cover.
	 * @param url the cover's URL
	 * @return where the book holds it, or empty when it does not
	 */
	Optional<Item> cover(String url) {
		return embed(url, "cover", "cover-image");
	}

	private Optional<Item> embed(String url, String name, String properties) {
		return this.files.imageKey(url).flatMap((key) -> this.byKey.computeIfAbsent(key, (absent) -> {
			if (this.items.size() >= MAX_IMAGES) {
				return Optional.empty();
			}
			Optional<Item> item = this.files.image(key, MAX_IMAGE_BYTES)
				.filter((image) -> this.totalBytes + image.bytes().length <= MAX_TOTAL_BYTES)
				.map((image) -> new Item(name, "images/" + name + "." + image.extension(), image.mediaType(),
						properties, image));
			item.ifPresent((embedded) -> {
				this.items.add(embedded);
				this.totalBytes += embedded.image().bytes().length;
			});
			return item;
		}));
	}

	/**
	 * @return the images embedded so far, in order
	 */
	List<Item> items() {
		return this.items;
	}

	/**
	 * An image in the book.
	 *
	 * @param id its manifest id
	 * @param href its path in the book
	 * @param mediaType its type
	 * @param properties its manifest properties, or empty
	 * @param image its bytes
	 */
	record Item(String id, String href, String mediaType, String properties, StoredImage image) {
	}

}

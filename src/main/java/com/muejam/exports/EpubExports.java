package com.muejam.exports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;

import com.muejam.core.ratelimit.RateLimiter;
import com.muejam.core.security.CurrentUser;
import com.muejam.stories.StoryBooks;
import com.muejam.stories.StoryBooks.Book;
import com.muejam.stories.StoryDeleted;
import com.muejam.uploads.StoredFiles;
import com.muejam.users.UserDeleted;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * Stories as EPUB books: made once per revision of what they show, kept in the object
 * storage, and streamed from there to every reader who asks for the same revision.
 */
@Service
class EpubExports {

	static final String POLICY = "epub-exports";

	private final StoryBooks books;

	private final EpubQueries queries;

	private final StoredFiles files;

	private final RateLimiter rateLimiter;

	EpubExports(StoryBooks books, EpubQueries queries, StoredFiles files, RateLimiter rateLimiter) {
		this.books = books;
		this.queries = queries;
		this.files = files;
		this.rateLimiter = rateLimiter;
	}

	/**
	 * A story's book for a reader: the stored one when it shows the story's current
	 * revision, a new one otherwise. 10 per hour per reader.
	 * @param reader the reader
	 * @param slugOrId the story's slug or id
	 * @return the book, open for reading
	 */
	Download download(CurrentUser reader, String slugOrId) {
		this.rateLimiter.enforce(POLICY, reader.id().toString());
		Book book = this.books.book(reader, slugOrId);
		UUID storyId = book.story().id();
		Optional<EpubQueries.StoredBook> stored = this.queries.stored(storyId)
			.filter((candidate) -> candidate.revision().equals(book.revision()));
		if (stored.isPresent()) {
			Optional<InputStream> bytes = this.files.open(stored.get().objectKey());
			if (bytes.isPresent()) {
				return new Download(book.story().slug(), stored.get().sizeBytes(), bytes.get());
			}
		}
		Path file = TemporaryFiles.written(".epub",
				(out) -> new EpubWriter(book, this.books.chapters(storyId), new EpubImages(this.files)).write(out));
		try {
			long size = Files.size(file);
			EpubQueries.StoredBook made = new EpubQueries.StoredBook(book.revision(),
					"files/epub/" + storyId + "/" + book.revision() + ".epub", size);
			this.files.store(made.objectKey(), file, EpubWriter.MEDIA_TYPE);
			this.queries.record(storyId, made).ifPresent(this.files::delete);
			// this reader gets the file just made, whatever another build stored
			// meanwhile
			return new Download(book.story().slug(), size,
					Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE));
		}
		catch (IOException ex) {
			TemporaryFiles.delete(file);
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			TemporaryFiles.delete(file);
			throw ex;
		}
	}

	@ApplicationModuleListener
	void on(StoryDeleted event) {
		this.queries.forget(event.storyId()).ifPresent(this.files::delete);
	}

	@ApplicationModuleListener
	void on(UserDeleted event) {
		this.queries.forgetAllBy(event.userId()).forEach(this.files::delete);
	}

	/**
	 * A book on its way to a reader.
	 *
	 * @param slug the story's slug, for the file name
	 * @param sizeBytes its size
	 * @param bytes its bytes, closed once sent
	 */
	record Download(String slug, long sizeBytes, InputStream bytes) {
	}

}

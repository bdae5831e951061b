package com.muejam.core.database;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * The fallback for running the embedded PostgreSQL as root where {@code unshare -U} is
 * not available: the server binaries are repackaged with wrapper scripts that drop to the
 * unprivileged {@code nobody} user with {@code setpriv} before running the real binary,
 * and the data folder is handed to that user.
 */
final class UnprivilegedBinaries {

	private static final Logger log = LoggerFactory.getLogger(UnprivilegedBinaries.class);

	private static final Set<String> WRAPPED = Set.of("initdb", "pg_ctl", "postgres");

	private static final String USER = "nobody";

	private UnprivilegedBinaries() {
	}

	static void applyIfNeeded(EmbeddedPostgres.Builder builder, Path dataDirectory) throws IOException {
		if (!isRoot() || userNamespacesWork()) {
			return;
		}
		log.info("Running embedded PostgreSQL as '{}' through setpriv (no user namespaces as root)", USER);
		handToUnprivilegedUser(dataDirectory);
		builder.setPgBinaryResolver(new WrappingResolver(DefaultPostgresBinaryResolver.INSTANCE));
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static boolean userNamespacesWork() {
		try {
			Process process = new ProcessBuilder("unshare", "-U", "id", "-u").redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
			return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 && !"0".equals(output);
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void handToUnprivilegedUser(Path dataDirectory) throws IOException {
		UserPrincipalLookupService users = dataDirectory.getFileSystem().getUserPrincipalLookupService();
		UserPrincipal owner = users.lookupPrincipalByName(USER);
		try (Stream<Path> paths = Files.walk(dataDirectory)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				Files.setOwner(path, owner);
			}
		}
	}

	/**
	 * Serves the default binaries with the server executables renamed to {@code *.real}
	 * and replaced by privilege-dropping wrapper scripts.
	 */
	private record WrappingResolver(PgBinaryResolver delegate) implements PgBinaryResolver {

		@Override
		public InputStream getPgBinary(String system, String machineHardware) throws IOException {
			ByteArrayOutputStream repacked = new ByteArrayOutputStream();
			try (InputStream original = this.delegate.getPgBinary(system, machineHardware);
					TarArchiveInputStream in = new TarArchiveInputStream(new XZInputStream(original));
					TarArchiveOutputStream out = new TarArchiveOutputStream(
							new XZOutputStream(repacked, new LZMA2Options(0)))) {
				out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
				TarArchiveEntry entry;
				while ((entry = in.getNextEntry()) != null) {
					String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
					String program = name.startsWith("bin/") ? name.substring(4) : "";
					if (entry.isFile() && WRAPPED.contains(program)) {
						copy(in, out, entry, name + ".real");
						writeWrapper(out, name, program);
					}
					else {
						copy(in, out, entry, entry.getName());
					}
				}
			}
			return new ByteArrayInputStream(repacked.toByteArray());
		}

		private static void copy(TarArchiveInputStream in, TarArchiveOutputStream out, TarArchiveEntry entry,
				String name) throws IOException {
			TarArchiveEntry copy = new TarArchiveEntry(name, entry.isSymbolicLink() ? TarArchiveEntry.LF_SYMLINK
					: entry.isLink() ? TarArchiveEntry.LF_LINK : TarArchiveEntry.LF_NORMAL);
			if (entry.isDirectory()) {
				copy = new TarArchiveEntry(name);
			}
			copy.setMode(entry.getMode());
			copy.setLinkName(entry.getLinkName());
			copy.setSize(entry.isFile() ? entry.getSize() : 0);
			out.putArchiveEntry(copy);
			if (entry.isFile()) {
				in.transferTo(out);
			}
			out.closeArchiveEntry();
		}

		private static void writeWrapper(TarArchiveOutputStream out, String name, String program) throws IOException {
			String script = """
					#!/bin/sh
					real="$(dirname "$0")/%s.real"
					if [ "$(id -u)" = 0 ]; then
					  exec setpriv --reuid=%s --regid=nogroup --clear-groups "$real" "$@"
					fi
					exec "$real" "$@"
					""".formatted(program, USER);
			byte[] content = script.getBytes(StandardCharsets.UTF_8);
			TarArchiveEntry wrapper = new TarArchiveEntry(name);
			wrapper.setMode(0755);
			wrapper.setSize(content.length);
			out.putArchiveEntry(wrapper);
			out.write(content);
			out.closeArchiveEntry();
		}

	}

}

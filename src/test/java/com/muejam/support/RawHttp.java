package com.muejam.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP/1.1 over a plain socket, for requests {@code java.net.http} refuses to send:
 * invalid UTF-8 or NUL in the target, control bytes in header values, huge headers,
 * bodies that do not match their declared type. One request per connection.
 */
public final class RawHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int port;

	public RawHttp(int port) {
		this.port = port;
	}

	/**
	 * Sends one request.
	 * @param method the method
	 * @param target the request target exactly as sent (not encoded further)
	 * @param headers header fields, each value sent as the given bytes (ISO-8859-1)
	 * @param body the body, or an empty array
	 * @return the response
	 */
	public Response send(String method, String target, Map<String, String> headers, byte[] body) {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		write(head, method + " " + target + " HTTP/1.1\r\nHost: localhost:" + this.port + "\r\nConnection: close\r\n");
		headers.forEach((name, value) -> write(head, name + ": " + value + "\r\n"));
		if (body.length > 0 || method.equals("POST") || method.equals("PUT")) {
			write(head, "Content-Length: " + body.length + "\r\n");
		}
		write(head, "\r\n");
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(30_000);
			try {
				OutputStream out = socket.getOutputStream();
				out.write(head.toByteArray());
				out.write(body);
				out.flush();
			}
			catch (IOException ex) {
				// the server answered and closed before the whole body was sent: read
				// what it said
			}
			return Response.parse(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Response get(String target, Map<String, String> headers) {
		return send("GET", target, headers, new byte[0]);
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
	}

	/**
	 * A parsed response.
	 *
	 * @param status the status code
	 * @param headers header fields, names lower-cased (the last of repeated fields)
	 * @param body the body as UTF-8 text (chunked transfer decoded)
	 */
	public record Response(int status, Map<String, String> headers, String body) {

		public String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		/**
		 * Whether the body is the error envelope with a request id that matches the
		 * {@code X-Request-Id} header.
		 * @return whether this is a well-formed error reply
		 */
		public boolean isEnvelope() {
			try {
				JsonNode tree = json();
				String id = tree.path("request_id").asString("");
				return tree.path("error").path("code").isString() && tree.path("error").path("message").isString()
						&& tree.path("error").path("details").isObject() && !id.isEmpty()
						&& id.equals(header("X-Request-Id"));
			}
			catch (RuntimeException ex) {
				return false;
			}
		}

		public String errorCode() {
			return json().path("error").path("code").asString();
		}

		static Response parse(InputStream in) throws IOException {
			byte[] all = in.readAllBytes();
			int split = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
			if (split < 0) {
				throw new IOException("No complete response: " + new String(all, StandardCharsets.ISO_8859_1));
			}
			String[] lines = new String(all, 0, split, StandardCharsets.ISO_8859_1).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
			byte[] body = java.util.Arrays.copyOfRange(all, split + 4, all.length);
			if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				body = dechunk(body);
			}
			return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
		}

		private static byte[] dechunk(byte[] chunked) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			int at = 0;
			while (at < chunked.length) {
				int lineEnd = indexOf(java.util.Arrays.copyOfRange(chunked, at, chunked.length),
						"\r\n".getBytes(StandardCharsets.ISO_8859_1));
				if (lineEnd < 0) {
					break;
				}
				String sizeText = new String(chunked, at, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].trim();
				int size = Integer.parseInt(sizeText, 16);
				if (size == 0) {
					break;
				}
				out.write(chunked, at + lineEnd + 2, size);
				at += lineEnd + 2 + size + 2;
			}
			return out.toByteArray();
		}

		private static int indexOf(byte[] data, byte[] pattern) {
			outer: for (int i = 0; i + pattern.length <= data.length; i++) {
				for (int j = 0; j < pattern.length; j++) {
					if (data[i + j] != pattern[j]) {
						continue outer;
					}
				}
				return i;
			}
			return -1;
		}

	}

}

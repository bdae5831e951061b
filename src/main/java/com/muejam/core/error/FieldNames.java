package com.muejam.core.error;

/**
 * Turns Java property paths into the snake_case names clients send.
 */
final class FieldNames {

	private FieldNames() {
	}

	static String toSnakeCase(String name) {
		StringBuilder out = new StringBuilder(name.length() + 4);
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (Character.isUpperCase(c)) {
				if (i > 0 && name.charAt(i - 1) != '.' && name.charAt(i - 1) != '[') {
					out.append('_');
				}
				out.append(Character.toLowerCase(c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}

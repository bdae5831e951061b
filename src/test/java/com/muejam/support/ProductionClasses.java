package com.muejam.support;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The application's own classes (tests excluded) as ArchUnit sees them, imported once per
 * test JVM: importing them costs seconds, and every architecture test reads the same set.
 */
public final class ProductionClasses {

	private ProductionClasses() {
	}

	/**
	 * The classes of {@code com.muejam} without the tests.
	 * @return the imported classes
	 */
	public static JavaClasses all() {
		return Holder.CLASSES;
	}

	private static final class Holder {

		static final JavaClasses CLASSES = new ClassFileImporter()
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("com.muejam");

	}

}

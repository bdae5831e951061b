package com.muejam.core.visibility;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Who is hidden from a user, read as columns of the statement that signs the user in. The
 * social module owns blocks and mutes and writes this SQL; the users module selects it
 * with the user's row, so that a signed-in request pays no statement of its own for
 * {@link HiddenPeople}.
 */
public interface HiddenPeopleColumns {

	/**
	 * Select-list expressions naming the columns {@link #read} reads.
	 * @param userId an SQL expression of the user's id, such as {@code u.id}
	 * @return the expressions, comma separated
	 */
	String columns(String userId);

	/**
	 * Reads the columns from a row that selected {@link #columns}.
	 * @param row the row
	 * @return who is hidden from the user
	 * @throws SQLException if the columns cannot be read
	 */
	HiddenPeople read(ResultSet row) throws SQLException;

}

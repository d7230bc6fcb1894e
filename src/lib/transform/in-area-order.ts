/**
 * Rows in the loaded area reference's chart order (`AreaReference.enumeration.codes`), so every chart lists
 * the districts in one order whatever order its query returned them in (SQL sorts codes alphabetically,
 * which put Peterborough before South Cambridgeshire on some charts and after it on others). Rows of the
 * same district keep their order; codes not in the reference go last.
 */
export function inAreaOrder<Row>(
	rows: readonly Row[],
	district: (row: Row) => string,
	codes: readonly string[]
): Row[] {
	const rank = new Map(codes.map((code, index) => [code, index]));
	const at = (row: Row) => rank.get(district(row)) ?? codes.length;
	return rows
		.map((row, index) => ({ row, index }))
		.sort((a, b) => at(a.row) - at(b.row) || a.index - b.index)
		.map(({ row }) => row);
}

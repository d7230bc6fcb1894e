import { publishCounts, type Published } from '$lib/transform/publish-counts';

/**
 * Disclosure control for several monthly series shown together (e.g. episodes and children): each series is
 * protected as its own list with its own total, since the series do not add up to anything.
 */
export function publishSeries<Row extends { series: string }>(
	rows: readonly Row[],
	count: keyof Row & string
): Published<Row>[] {
	const series = [...new Set(rows.map((row) => row.series))];
	const published = new Map<Row, Published<Row>>();
	for (const key of series) {
		const group = rows.filter((row) => row.series === key);
		publishCounts(group, { count }).forEach((row, index) => published.set(group[index]!, row));
	}
	return rows.map((row) => published.get(row)!);
}

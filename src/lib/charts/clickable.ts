import type { RenderFunction } from '@observablehq/plot';

/**
 * A Plot render transform that makes each rendered element of a mark (a bar, a cell) call `onSelect` with
 * its datum when clicked: the cross-filter gesture. Plot renders one element per index, in index order
 * (per facet). Pointer users click; keyboard users have the filter bar, which sets the same filters.
 */
export function clickable<T>(
	data: readonly T[],
	onSelect: ((datum: T) => void) | undefined
): { render?: RenderFunction } {
	if (onSelect === undefined) return {};
	return {
		render(index, scales, values, dimensions, context, next) {
			const group = next?.(index, scales, values, dimensions, context) ?? null;
			if (group === null) return group;
			const elements = [...group.children];
			index.forEach((datumIndex, position) => {
				const element = elements[position] as SVGElement | undefined;
				const datum = data[datumIndex];
				if (element === undefined || datum === undefined) return;
				element.style.cursor = 'pointer';
				element.addEventListener('click', () => onSelect(datum));
			});
			return group;
		}
	};
}

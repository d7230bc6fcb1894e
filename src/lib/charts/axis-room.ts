/**
 * Margins that leave an axis title clear of the tick labels. Plot's default margins (20 px above the frame
 * for a y-axis title, 30 px below it for an x-axis title) are sized for its 10 px text; at the charts' 13 px
 * the title runs into the top tick label, or into the tick labels under the frame (issue 13). Plot puts a
 * y-axis title 3 px below the SVG's top edge, hung from its top, and an x-axis title with its baseline 3 px
 * above the SVG's bottom edge, whatever the margin: the margin is what moves the ticks away from it.
 *
 * Line boxes are measured with DejaVu Sans (system-ui on Linux; ascent 0.93 em, descent 0.24 em), the
 * tallest of the fonts the charts are drawn in (Arial or Liberation Sans on paper is shorter).
 */

const ascent = 0.93;
const descent = 0.24;
/** Space left between two labels' boxes. */
const gap = 2;
/** Plot's tick length and the padding between a tick and its label. */
const tickReach = 6 + 3;

/** How far below the frame the x-axis tick labels reach, for labels of `lines` lines (hung by 0.71 em). */
export function tickLabelDepth(lines = 1, fontSize = 13): number {
	return tickReach + (0.71 + descent + (lines - 1)) * fontSize;
}

/** The bottom margin for one line of x-axis tick labels with the x-axis title below them. */
export function xTitleMargin(fontSize = 13): number {
	return Math.ceil(tickLabelDepth(1, fontSize) + gap + ascent * fontSize + 3);
}

/**
 * The top margin for a y-axis title above the frame, clear of a tick label centred on the frame's top edge
 * (a nice domain ends on a tick).
 */
export function yTitleMargin(fontSize = 13): number {
	return Math.ceil(3 + (0.71 + descent) * fontSize + gap + (ascent - 0.32) * fontSize);
}

import { XMLParser } from 'fast-xml-parser';
import { UnreadableFileError } from './unreadable-file-error';

/** An XML element as fast-xml-parser gives it with `isArray` always on: child name → every such child. */
export interface XmlElement {
	readonly [name: string]: XmlNode[];
}
/** Text content (attributes are ignored; the statutory returns have none that matter) or an element. */
export type XmlNode = XmlElement | string;

// fast-xml-parser builds plain objects with no eval or Function(), so it runs under the app's CSP, in a
// worker and in Node alike; it has no dependency on the DOM (DOMParser is absent from Node and workers).
const parser = new XMLParser({
	ignoreAttributes: true,
	parseTagValue: false,
	trimValues: true,
	isArray: () => true,
	processEntities: true
});

/** Parses an XML document; throws `UnreadableFileError` with the parser's reason when it is not well formed. */
export function parseXml(text: string): XmlElement {
	try {
		return parser.parse(text, true) as XmlElement;
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new UnreadableFileError(`This XML file is not well formed (${reason}).`);
	}
}

const isElement = (node: XmlNode | undefined): node is XmlElement =>
	typeof node === 'object' && node !== null;

/** Every child element `name` of `element`, in document order. */
export function children(element: XmlElement | undefined, name: string): XmlElement[] {
	return (element?.[name] ?? []).filter(isElement);
}

/** Elements at a path below `element`, following every branch: `descendants(child, 'Assessments', 'X')`. */
export function descendants(element: XmlElement | undefined, ...path: readonly string[]): XmlNode[] {
	let level: XmlNode[] = element ? [element] : [];
	for (const name of path) level = level.filter(isElement).flatMap((node) => node[name] ?? []);
	return level;
}

/** The text of the first element at a path, or null when absent or empty (`<UASC />`). */
export function text(element: XmlElement | undefined, ...path: readonly string[]): string | null {
	const node = descendants(element, ...path)[0];
	if (node === undefined) return null;
	const value = typeof node === 'string' ? node : (node['#text']?.[0] ?? '');
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The name of the document's root element, skipping the `?xml` declaration. */
export function rootName(document: XmlElement): string | null {
	return Object.keys(document).find((name) => !name.startsWith('?')) ?? null;
}

import type { DecodedText } from './decode-text';
import type { RawTable } from './raw-table';
import { readCinCensus } from './read-cin-census';
import { readSsda903Xml } from './read-ssda903-xml';
import { UnreadableFileError } from './unreadable-file-error';
import { children, parseXml, rootName } from './xml-tree';

/**
 * Reads the XML returns Sightline knows, chosen by the root element: the DfE CIN census (`<Message>` with
 * `<Children>`) and the SSDA903 return (`<EXPSSDA903>`). Any other XML is refused with what it is.
 */
export function readXml(decoded: DecodedText, totalBytes: number): RawTable {
	const document = parseXml(decoded.text);
	const root = rootName(document);
	const element = root ? children(document, root)[0] : undefined;
	if (root === 'Message' && element && children(element, 'Children').length > 0) {
		return { ...readCinCensus(element, totalBytes), encoding: decoded.encoding };
	}
	if (root === 'EXPSSDA903' && element) {
		return { ...readSsda903Xml(element, totalBytes), encoding: decoded.encoding };
	}
	throw new UnreadableFileError(
		`This XML document (root element <${root ?? '?'}>) is not a format Sightline reads: it reads the CIN census return (<Message>) and the SSDA903 return (<EXPSSDA903>) as XML, and CSV, XLSX, Parquet or JSON extracts.`
	);
}

/**
 * SHA-256 of a file as lowercase hex, via Web Crypto (workers and Node 20 alike). The banner shows it for
 * loaded extracts and for the demo files alike, so an analyst can confirm which extract a board pack came from.
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
	return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

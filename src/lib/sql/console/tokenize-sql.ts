/** One lexical token of DuckDB SQL. Comments and whitespace produce none. */
export interface SqlToken {
	kind: 'word' | 'quoted' | 'string' | 'number' | 'symbol' | 'parameter';
	/**
	 * A word in lower case; a quoted identifier or a string without its quotes (doubled quotes undone); a
	 * symbol or number as written.
	 */
	value: string;
	/** Offset of the token's first character in the text. */
	start: number;
}

/** Text the tokenizer cannot read to its end: an unterminated string, quoted name or comment. */
export class SqlTokenError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SqlTokenError';
	}
}

const wordStart = /[A-Za-z_\u0080-\uffff]/;
const wordPart = /[A-Za-z0-9_$\u0080-\uffff]/;
const digit = /[0-9]/;

/**
 * Split SQL into tokens as DuckDB's parser (libpg_query) reads it, so that a keyword hidden in a comment or a
 * string is never taken for code and code after a comment is never missed: `--` line comments, nested
 * `/* *\/` block comments, `'…'` strings with doubled quotes, `E'…'` strings with backslash escapes,
 * `$tag$…$tag$` dollar-quoted strings, `"…"` quoted identifiers. Anything left unterminated throws
 * {@link SqlTokenError}: text DuckDB might read differently is refused rather than guessed at.
 */
export function tokenizeSql(text: string): SqlToken[] {
	const tokens: SqlToken[] = [];
	let at = 0;
	const peek = (offset = 0) => text[at + offset] ?? '';

	const quotedUntil = (quote: string, backslashEscapes: boolean, what: string): string => {
		let value = '';
		at++; // the opening quote
		for (;;) {
			if (at >= text.length) throw new SqlTokenError(`The ${what} is never closed.`);
			const char = text[at]!;
			if (backslashEscapes && char === '\\') {
				value += text[at + 1] ?? '';
				at += 2;
				continue;
			}
			if (char === quote) {
				if (text[at + 1] === quote) {
					value += quote;
					at += 2;
					continue;
				}
				at++;
				return value;
			}
			value += char;
			at++;
		}
	};

	while (at < text.length) {
		const char = peek();
		const start = at;
		if (/\s/.test(char)) {
			at++;
		} else if (char === '-' && peek(1) === '-') {
			while (at < text.length && text[at] !== '\n') at++;
		} else if (char === '/' && peek(1) === '*') {
			let depth = 0;
			do {
				if (at >= text.length) throw new SqlTokenError('A /* comment is never closed.');
				if (peek() === '/' && peek(1) === '*') {
					depth++;
					at += 2;
				} else if (peek() === '*' && peek(1) === '/') {
					depth--;
					at += 2;
				} else at++;
			} while (depth > 0);
		} else if (char === "'") {
			tokens.push({ kind: 'string', value: quotedUntil("'", false, 'string'), start });
		} else if ((char === 'E' || char === 'e') && peek(1) === "'") {
			at++;
			tokens.push({ kind: 'string', value: quotedUntil("'", true, 'string'), start });
		} else if (char === '"') {
			tokens.push({ kind: 'quoted', value: quotedUntil('"', false, 'quoted name'), start });
		} else if (char === '$' && /[0-9]/.test(peek(1))) {
			at++;
			while (digit.test(peek())) at++;
			tokens.push({ kind: 'parameter', value: text.slice(start, at), start });
		} else if (char === '$') {
			const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(at));
			if (!tag) {
				tokens.push({ kind: 'parameter', value: '$', start });
				at++;
				continue;
			}
			const close = text.indexOf(tag[0], at + tag[0].length);
			if (close < 0) throw new SqlTokenError(`The ${tag[0]} string is never closed.`);
			tokens.push({ kind: 'string', value: text.slice(at + tag[0].length, close), start });
			at = close + tag[0].length;
		} else if (wordStart.test(char)) {
			while (at < text.length && wordPart.test(peek())) at++;
			tokens.push({ kind: 'word', value: text.slice(start, at).toLowerCase(), start });
		} else if (digit.test(char) || (char === '.' && digit.test(peek(1)))) {
			while (at < text.length && /[0-9A-Za-z_.]/.test(peek())) at++;
			tokens.push({ kind: 'number', value: text.slice(start, at), start });
		} else {
			tokens.push({ kind: 'symbol', value: char, start });
			at++;
		}
	}
	return tokens;
}

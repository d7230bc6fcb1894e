/**
 * Run `body` with code generation from strings refused, as the page's Content-Security-Policy (no
 * 'unsafe-eval') refuses it in the browser: `Function(...)` and `new Function(...)` throw `EvalError`.
 * Libraries reach the global `Function` by name at call time (Arquero's `compile` and `unroll` do), so
 * replacing it catches them; `eval` is replaced too. Both are restored afterwards, even when `body` throws.
 */
export function withoutCodeGeneration<T>(body: () => T): T {
	const globals = globalThis as { Function: FunctionConstructor; eval: typeof eval };
	const { Function: realFunction, eval: realEval } = globals;
	// A function declaration, not an arrow, so `new Function(...)` reaches the throw too.
	function refuse(): never {
		throw new EvalError('code generation from strings refused (as under the page CSP)');
	}
	globals.Function = refuse as unknown as FunctionConstructor;
	globals.eval = refuse;
	try {
		return body();
	} finally {
		globals.Function = realFunction;
		globals.eval = realEval;
	}
}

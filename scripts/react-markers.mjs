// A build plugin for the widget bundle (vite.config.ts).

const MARKERS = /\b(SuspenseException|SuspenseyCommitException|SuspenseActionException|SelectiveHydrationException|HydrationMismatchException) = Error\(/g;
const REACT_DOM_CLIENT = /[\\/]react-dom[\\/]cjs[\\/]react-dom-client\.production\.js$/;

/**
 * react-dom creates five errors when it is evaluated: markers it throws and catches itself (a component that
 * suspends, a hydration to retry). With a DevTools client attached, V8 records each new error's stack with
 * source positions, and to get them parses react-dom's whole module function again, 20–60 ms added to the
 * evaluation. Made without capturing a stack, the markers are still errors (`instanceof Error`, a message) and
 * the same objects React compares what it catches against. No global is touched.
 * @returns {import('vite').Plugin}
 */
export function stacklessReactMarkers() {
  return {
    name: 'uchi-support:stackless-react-markers',
    transform(code, id) {
      if (!REACT_DOM_CLIENT.test(id)) return null;
      const found = code.match(MARKERS)?.length ?? 0;
      // A React that names them differently keeps its own; the build says so rather than drift unnoticed.
      if (found !== 5) throw new Error(`react-dom: expected 5 marker errors to create without a stack, found ${found}`);
      return {
        code: `function stacklessError(message) { return { __proto__: Error.prototype, message }; }\n${code.replace(MARKERS, '$1 = stacklessError(')}`,
        map: null,
      };
    },
  };
}

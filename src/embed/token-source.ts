/** A host's `getToken`, asked once for two needs: the API client's first call and who the signed-in user is. */

/** The shared getter. */
export interface TokenSource {
  /** For the API client: its first call gets the shared first answer, later ones (after a 401) ask anew. */
  getToken(): Promise<string | null>;
  /** The first answer, asked now when nobody has asked yet. */
  first(): Promise<string | null>;
}

/** Wraps `getToken`; an empty answer or a failure is "no token". */
export function shareFirstToken(getToken: () => Promise<string | null> | string | null): TokenSource {
  let first: Promise<string | null> | undefined;
  let handedOut = false;
  const ask = () =>
    Promise.resolve()
      .then(getToken)
      .then(
        (token) => (typeof token === 'string' && token !== '' ? token : null),
        () => null,
      );
  const firstAnswer = () => (first ??= ask());
  return {
    first: firstAnswer,
    getToken() {
      if (handedOut) return ask();
      handedOut = true;
      return firstAnswer();
    },
  };
}

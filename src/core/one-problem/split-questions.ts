import { contentStems, sharesSubject } from './content-stems';
import { cutAt, openingWords, type Piece } from './piece';
import { isQuestion } from './problem-markers';
import { opensWithPronoun, refersBack } from './refers-back';
import { splitSentences } from './sentences';

/**
 * Splits a text where a question follows another question about a different subject
 * ("Как сменить пароль? И почему не формируется сертификат?"). A rephrased or clarifying question stays.
 */
export function splitQuestions(text: string): string[] {
  return questionPieces(text).map((p) => p.text);
}

/** {@link splitQuestions} with the opening words of each new question as its marker. */
export function questionPieces(text: string): Piece[] {
  const starts: Array<{ at: number; marker: string | null }> = [{ at: 0, marker: null }];
  // Subject stems of all sentences so far; sentences cover the text, so this is "everything before".
  const before = new Set<string>();
  let asked = false;
  for (const sentence of splitSentences(text)) {
    const stems = contentStems(sentence.text);
    if (isQuestion(sentence.text)) {
      const unrelated = !refersBack(sentence.text) && !opensWithPronoun(sentence.text) && stems.size > 0 && !sharesSubject(before, sentence.text);
      if (asked && unrelated) starts.push({ at: sentence.start, marker: openingWords(sentence.text) });
      asked = true;
    }
    for (const s of stems) before.add(s);
  }
  return cutAt(text, starts);
}

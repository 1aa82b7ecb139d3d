import { contentStems, sharesSubject } from './content-stems';
import { isQuestion } from './problem-markers';
import { refersBack } from './refers-back';
import { splitSentences } from './sentences';

/**
 * Splits a text where a question follows another question about a different subject
 * ("Как сменить пароль? И почему не формируется сертификат?"). A rephrased or clarifying question stays.
 */
export function splitQuestions(text: string): string[] {
  const starts = [0];
  // Subject stems of all sentences so far; sentences cover the text, so this is "everything before".
  const before = new Set<string>();
  let asked = false;
  for (const sentence of splitSentences(text)) {
    const stems = contentStems(sentence.text);
    if (isQuestion(sentence.text)) {
      const unrelated = !refersBack(sentence.text) && stems.size > 0 && !sharesSubject(before, sentence.text);
      if (asked && unrelated) starts.push(sentence.start);
      asked = true;
    }
    for (const s of stems) before.add(s);
  }
  return starts.map((start, i) => text.slice(start, starts[i + 1] ?? text.length));
}

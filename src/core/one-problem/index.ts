/** The "one ticket — one problem" check (docs/architecture.md): finds several problems in one description and says why. */
export { checkOneProblem, checkRules, type OneProblemCheck } from './check-one-problem';
export { oneProblemVerdict, severalProblemsMessage, type OneProblemVerdict } from './one-problem-verdict';
export { splitProblems } from './split-problems';
export { cleanPart } from './clean-part';
export { findConnectives, type Connective, type ConnectiveKind } from './connectives';
export { contentStems, sharesSubject } from './content-stems';
export { findList, type FoundList } from './list-items';
export { hasProblemMarker, isQuestion, reportsFailure } from './problem-markers';
export { markerText, openingWords, type Piece } from './piece';
export { clausePieces, paragraphPieces } from './split-clauses';
export { refersBack } from './refers-back';
export { splitSentences, type Span } from './sentences';
export { listPieces, splitList } from './split-list';
export { connectivePieces, hasSubstance, opensNewSubject, splitOnConnectives } from './split-connectives';
export { questionPieces, splitQuestions } from './split-questions';
export { introducesDetails, isActionStep, isPluralHeading, isStepItem } from './step-items';
export { normalizeText, stem } from './stem';

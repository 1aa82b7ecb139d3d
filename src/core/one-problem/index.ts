/** The "one ticket — one problem" check (docs/architecture.md): finds several problems in one description. */
export { splitProblems } from './split-problems';
export { cleanPart } from './clean-part';
export { findConnectives, type Connective, type ConnectiveKind } from './connectives';
export { contentStems, sharesSubject } from './content-stems';
export { findList, type FoundList } from './list-items';
export { hasProblemMarker, isQuestion } from './problem-markers';
export { refersBack } from './refers-back';
export { splitSentences, type Span } from './sentences';
export { splitList } from './split-list';
export { hasSubstance, opensNewSubject, splitOnConnectives } from './split-connectives';
export { splitQuestions } from './split-questions';
export { introducesDetails, isActionStep, isPluralHeading, isStepItem } from './step-items';
export { normalizeText, stem } from './stem';

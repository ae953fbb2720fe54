// The evidence engine (spec evidence.md Part A): capture cutting, findings, signatures, counts and the note.
export {
  analyzeAttempt,
  analyzeCheck,
  failureClass,
  oneLineFinding,
} from "./analyze.js";
export {
  cleanCapture,
  cutCapture,
  joinCapture,
  stripAnsi,
} from "./clean-capture.js";
export { failLine } from "./fail-line.js";
export { buildFindingsFile, renderFindingsFile } from "./findings-file.js";
export { findingIdentity, findingsSignature, messageStem } from "./identity.js";
export { recognize } from "./recognize.js";
export { findingsFileName, renderFailedNote } from "./render-note.js";
export { buildRetryEvidence, summarizeEarlier } from "./retry-evidence.js";
// The shapes the driver hands in and gets back.
export type * from "./types.js";

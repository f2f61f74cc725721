// Email templates: pure functions from plain inputs to { subject, text, html }, in English, Spanish and Portuguese.
export { renderContractExpiry } from './contract-expiry.js';
export { renderEscalation } from './escalation.js';
export { renderMeetingPack } from './meeting-pack.js';
export { renderMissingData } from './missing-data.js';
export { renderOffTrack } from './off-track.js';
export { renderPerformanceEvaluation } from './performance-evaluation.js';
export * from './types.js';
// The catalogues and date format, for the meeting pack's own page and PDF (#reporting), in the same words.
export { formatCalendarDate } from './format.js';
export { messagesFor, type EmailLocale, type MessageCatalogue } from './messages/index.js';

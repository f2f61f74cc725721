// Email templates: pure functions from plain inputs to { subject, text, html }, in English, Spanish and Portuguese.
export { renderEscalation } from './escalation.js';
export { renderMeetingPack } from './meeting-pack.js';
export { renderMissingData } from './missing-data.js';
export { renderOffTrack } from './off-track.js';
export * from './types.js';

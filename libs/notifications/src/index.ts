// The public surface of the notifications library: sending mail and writing it. It knows nothing about contracts:
// the templates take plain inputs the caller has put together.
export * from './mail-transport.js';
export * from './templates/index.js';

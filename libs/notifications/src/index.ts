// The public surface of the notifications library: sending mail. It knows nothing about contracts.
export * from './mail-transport.js';

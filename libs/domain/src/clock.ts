/**
 * Where time comes from. Rules take the instant they judge as a parameter; services and processors ask an
 * injected clock, so that tests can pin the time (#runtime provides the system clock, #testing a fixed one).
 */
export interface Clock {
  now(): Date;
}

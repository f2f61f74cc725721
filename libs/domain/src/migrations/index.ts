import { Initial1795376272394 } from './1795376272394-Initial.js';

// Every migration, in order. `npm run migration:generate -- Name` writes a new file; add its class here.
export const MIGRATIONS = [Initial1795376272394];

import { organizationKinds } from '../../../../src/domains/directory/schemas.js';

/** The kinds the API accepts; labels live in the messages as `kind.<value>`. */
export const kinds: readonly string[] = organizationKinds;

import { NotFoundError } from '../../infra/http/errors.js';
import { allBodies, childBodies, findBody } from './bodies-repository.js';
import { visibleBodyOrganizations } from './organizations-repository.js';
import { type BodyRow, toBody, toOrganizationRef, toTree } from './presenters.js';
import type { BodyNode } from './schemas.js';
import type { ServiceDeps } from './service-support.js';

/** Bodies (Gebietskörperschaften) are public geography: everyone may read them. */
export async function bodiesTree(deps: ServiceDeps): Promise<BodyNode[]> {
  return toTree((await allBodies(deps.db)).map(toBody));
}

export async function getBodyDetail(deps: ServiceDeps, id: number) {
  const row = await findBody(deps.db, id);
  if (!row) throw new NotFoundError('Body');
  const [parent, children, organizations] = await Promise.all([
    row.parent_id ? findBody(deps.db, row.parent_id) : Promise.resolve<BodyRow | undefined>(undefined),
    childBodies(deps.db, id),
    visibleBodyOrganizations(deps.db, deps.actor, id),
  ]);
  return {
    ...toBody(row),
    parent: parent ? toBody(parent) : null,
    children: children.map(toBody),
    organizations: organizations.map(toOrganizationRef),
  };
}

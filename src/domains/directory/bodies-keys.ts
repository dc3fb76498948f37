import { BadRequestError } from '../../infra/http/errors.js';
import type { BodyKind } from './tables.js';

export interface BodyKeys {
  kind: BodyKind;
  ags: string | null;
  ars: string | null;
}

function invalid(field: 'ags' | 'ars' | 'parentId', en: string, de: string): BadRequestError {
  // details in the shape of validation issues, so a form shows the message at its field
  return new BadRequestError('INVALID_OFFICIAL_KEY', en, de, [{ path: [field], message: en }]);
}

/**
 * The official keys must fit the kind and each other: a Kreis has its 5-digit Kreisschlüssel as
 * AGS and ARS; a city or town an 8-digit AGS and a 12-digit ARS that repeats the AGS around the
 * 4-digit Gemeindeverband (05158 0028 028 ↔ 05158028). A town lies in its Kreis, so its AGS begins
 * with the Kreisschlüssel of its parent.
 */
export function assertOfficialKeys(body: BodyKeys, parent: BodyKeys | null): void {
  const district = body.kind === 'district';
  if (body.ags && body.ags.length !== (district ? 5 : 8)) {
    throw district
      ? invalid(
          'ags',
          'A Kreis has the 5-digit Kreisschlüssel as AGS',
          'Ein Kreis hat den 5-stelligen Kreisschlüssel als AGS',
        )
      : invalid(
          'ags',
          'The AGS of a city or town has 8 digits',
          'Der AGS einer Stadt oder Gemeinde hat 8 Stellen',
        );
  }
  if (body.ars && body.ars.length !== (district ? 5 : 12)) {
    throw district
      ? invalid(
          'ars',
          'A Kreis has the 5-digit Kreisschlüssel as ARS',
          'Ein Kreis hat den 5-stelligen Kreisschlüssel als ARS',
        )
      : invalid(
          'ars',
          'The ARS of a city or town has 12 digits',
          'Der ARS einer Stadt oder Gemeinde hat 12 Stellen',
        );
  }
  if (body.ags && body.ars) {
    const same = district
      ? body.ars === body.ags
      : body.ars.slice(0, 5) === body.ags.slice(0, 5) && body.ars.slice(9) === body.ags.slice(5);
    if (!same)
      throw invalid('ars', 'AGS and ARS name different places', 'AGS und ARS bezeichnen verschiedene Orte');
  }
  if (!parent) return;
  if (body.kind !== 'town' || parent.kind !== 'district')
    throw invalid(
      'parentId',
      'Only a town lies in a Kreis, and only a Kreis can be its parent',
      'Nur eine kreisangehörige Stadt liegt in einem Kreis, und nur ein Kreis kann übergeordnet sein',
    );
  if (body.ags && parent.ags && !body.ags.startsWith(parent.ags))
    throw invalid(
      'ags',
      `The AGS of a town in this Kreis begins with ${parent.ags}`,
      `Der AGS einer Stadt in diesem Kreis beginnt mit ${parent.ags}`,
    );
}
